// Driver of build/bench.sh. Seeds a running API, captures the real response of each workload, serves
// those same bytes from the ceiling app behind the same bearer check, drives both with wrk, and
// prints every figure as a ratio to the ceiling; then RSS after the load, and p50 latency of list
// queries on a project of 20,000 milestones against one of 30.
// The floor (build/floor) does each workload's database work by hand on the API's own SQLite file, so
// "ours / floor" says how close the API is to what a request that touches the database can cost.
// Usage: node build/bench.mjs <apiUrl> <apiKey> <apiPid> <ceilingDll> <workDir> <floorDll>
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

const [apiUrl, key, apiPid, ceilingDll, work, floorDll] = process.argv.slice(2);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const bigCount = Number(process.env.BENCH_BIG ?? 20000);
const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };

async function call(method, path, body) {
  const res = await fetch(apiUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

async function parallel(count, width, make) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    for (let i = next++; i < count; i = next++) await make(i);
  }));
}

const cpuTicks = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return Number(f[11]) + Number(f[12]); };
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
const rssMiB = () => Number(readFileSync(`/proc/${apiPid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) / 1024;

// ---- seed the throughput project
const project = (await call("POST", "/api/v1/projects", { name: `bench ${Date.now()}` })).json.data;
const milestones = [];
for (let i = 0; i < 20; i++) {
  milestones.push((await call("POST", `/api/v1/projects/${project.id}/milestones`, { title: `M${i}`, goalAmount: 1000000, description: "A milestone of the benchmark." })).json.data.id);
}
const tasks = [];
for (const m of milestones) {
  for (let i = 0; i < 5; i++) tasks.push((await call("POST", `/api/v1/milestones/${m}/tasks`, { title: `task ${i}` })).json.data.id);
}

// Each workload: method, the paths and bodies wrk cycles through.
const workloads = {
  "get one milestone": { method: "GET", requests: milestones.map((m) => [`/api/v1/milestones/${m}`, null]) },
  "list 20 milestones": { method: "GET", requests: [[`/api/v1/projects/${project.id}/milestones?limit=20`, null]] },
  "create a task": { method: "POST", requests: milestones.map((m) => [`/api/v1/milestones/${m}/tasks`, '{"title":"a task from wrk"}']) },
  "complete a task": { method: "PATCH", requests: tasks.flatMap((t) => [[`/api/v1/tasks/${t}`, '{"completed":true}'], [`/api/v1/tasks/${t}`, '{"completed":false}']]) },
  "pledge": { method: "POST", requests: milestones.map((m) => [`/api/v1/milestones/${m}/supports`, '{"amount":1}']) },
};

// ---- capture the real answers, start the ceiling with them
const bodies = `${work}/ceiling-bodies`;
mkdirSync(bodies, { recursive: true });
const slug = (name) => name.replace(/[^a-z0-9]+/g, "-");
for (const [name, w] of Object.entries(workloads)) {
  const [path, body] = w.requests[0];
  const res = await call(w.method, path, body === null ? undefined : JSON.parse(body));
  writeFileSync(`${bodies}/${slug(name)}.${res.status}.json`, res.text);
}

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
async function startApp(dll, env, probe, name) {
  const url = `http://127.0.0.1:${await freePort()}`;
  const child = spawn("dotnet", [dll, "--urls", url], { env: { ...process.env, ...env }, stdio: "ignore" });
  process.on("exit", () => child.kill());
  for (let i = 0; ; i++) {
    try { if ((await fetch(url + probe.path, { headers: { ...headers, ...probe.headers } })).status === probe.status) break; } catch { /* not up yet */ }
    if (i > 100) throw new Error(`the ${name} app did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child };
}
const { url: ceilingUrl, child: ceiling } = await startApp(ceilingDll, { CEILING_KEY: key, CEILING_BODIES: bodies }, { path: "/", headers: { "X-Bench-Workload": "none" }, status: 404 }, "ceiling");
// The floor works on the API's own database file (build/lib/local-api.sh puts it in the work folder).
const { url: floorUrl, child: floor } = await startApp(floorDll, { FLOOR_DB: `${work}/local-api.db` }, { path: `/api/v1/milestones/${milestones[0]}`, headers: {}, status: 200 }, "floor");

// ---- wrk
const lua = (name, w) => {
  const quote = (s) => (s === null ? "nil" : JSON.stringify(s));
  const file = `${work}/${slug(name)}.lua`;
  writeFileSync(file, `
wrk.headers["Authorization"] = ${quote(`Bearer ${key}`)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Bench-Workload"] = ${quote(slug(name))}
local requests = { ${w.requests.map(([p, b]) => `{ ${quote(p)}, ${quote(b)} }`).join(", ")} }
local i = 0
request = function()
  i = i + 1
  local r = requests[(i % #requests) + 1]
  return wrk.format(${quote(w.method)}, r[1], nil, r[2])
end
`);
  return file;
};

// CPU per request: the server process's user + system time over the run, divided by the requests it
// answered. Unlike req/s it hardly depends on what else shares the cores (wrk itself, here).
function wrk(url, script, { threads = 2, conns = connections, duration = seconds, latency = false, pid = null } = {}) {
  const args = ["-t", String(threads), "-c", String(conns), "-d", `${duration}s`, "-s", script];
  if (latency) args.push("--latency");
  const before = pid === null ? 0 : cpuTicks(pid);
  const out = execFileSync("wrk", [...args, url], { encoding: "utf8" });
  const cpu = pid === null ? 0 : cpuTicks(pid) - before;
  const requests = Number(out.match(/(\d+) requests in/)[1]);
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const errors = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) + Number(out.match(/Socket errors: .*?timeout (\d+)/)?.[1] ?? 0);
  const p50 = out.match(/\s50%\s+([\d.]+)(us|ms|s)/);
  const p50ms = p50 ? Number(p50[1]) * { us: 0.001, ms: 1, s: 1000 }[p50[2]] : NaN;
  return { rps, errors, p50ms, cpuUs: requests > 0 ? (cpu / ticksPerSecond) * 1e6 / requests : NaN };
}

const parts = (process.env.BENCH_PARTS ?? "throughput,scale,postgres").split(",");
// Goals as a ratio to the floor (issue 23).
const goals = { "get one milestone": 0.6, "list 20 milestones": 0.8, "create a task": 0.5, "complete a task": 0.5, "pledge": 0.5 };
const warmup = Number(process.env.BENCH_WARMUP ?? 12);
console.log(`\nThroughput: wrk -t2 -c${connections} -d${seconds}s after ${warmup} s of warm-up each (tiered JIT reaches its optimized code); the ceiling returns the same bytes after the same bearer check; the floor does the same database work by hand`);
console.log("| workload | ours | floor | ceiling | ours / floor | goal | ours / ceiling | CPU per request: ours / floor / ceiling |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [name, w] of parts.includes("throughput") ? Object.entries(workloads) : []) {
  const script = lua(name, w);
  wrk(apiUrl, script, { duration: warmup }); // warm-up: tiered JIT and caches, not measured
  wrk(floorUrl, script, { duration: warmup });
  wrk(ceilingUrl, script, { duration: warmup });
  const ours = wrk(apiUrl, script, { pid: apiPid });
  const low = wrk(floorUrl, script, { pid: floor.pid });
  const top = wrk(ceilingUrl, script, { pid: ceiling.pid });
  if (ours.errors > 0) console.error(`  ${name}: ${ours.errors} responses were not 2xx/3xx or timed out`);
  if (low.errors > 0) console.error(`  ${name} (floor): ${low.errors} responses were not 2xx/3xx or timed out`);
  const goal = goals[name] ? `≥ ${goals[name].toFixed(2)}` : "";
  console.log(`| ${name} | ${ours.rps.toFixed(0)} req/s | ${low.rps.toFixed(0)} req/s | ${top.rps.toFixed(0)} req/s | ${(ours.rps / low.rps).toFixed(2)} | ${goal} | ${(ours.rps / top.rps).toFixed(3)} | ${ours.cpuUs.toFixed(0)} / ${low.cpuUs.toFixed(0)} / ${top.cpuUs.toFixed(0)} µs |`);
}
const floorRss = Number(readFileSync(`/proc/${floor.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) / 1024;
console.log(`\nMemory: RSS after the load ${rssMiB().toFixed(0)} MiB (goal ≤ 180 MiB; the floor's ${floorRss.toFixed(0)} MiB)`);

// wrk ran synchronously (execFileSync) for minutes, so the event loop has not yet seen the server close
// the keep-alive connections the seeding left idle; let it, before fetch would reuse a closed one.
await new Promise((resolve) => setTimeout(resolve, 500));

// ---- writes: SQLite against PostgreSQL (the same API, the same workloads, 32 concurrent clients)
if (parts.includes("postgres") && process.env.BENCH_PG_URL) {
  const pg = { url: process.env.BENCH_PG_URL, key: process.env.BENCH_PG_KEY, pid: process.env.BENCH_PG_PID };
  const pgHeaders = { Authorization: `Bearer ${pg.key}`, "Content-Type": "application/json" };
  const pgCall = async (method, path, body) => {
    const res = await fetch(pg.url + path, { method, headers: pgHeaders, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const pgProject = (await pgCall("POST", "/api/v1/projects", { name: `bench ${Date.now()}` })).data;
  const pgMilestones = [];
  for (let i = 0; i < 20; i++) pgMilestones.push((await pgCall("POST", `/api/v1/projects/${pgProject.id}/milestones`, { title: `M${i}`, goalAmount: 1000000 })).data.id);
  const pgTasks = [];
  for (const m of pgMilestones) for (let i = 0; i < 5; i++) pgTasks.push((await pgCall("POST", `/api/v1/milestones/${m}/tasks`, { title: `task ${i}` })).data.id);
  const pgWorkloads = {
    "create a task": { method: "POST", requests: pgMilestones.map((m) => [`/api/v1/milestones/${m}/tasks`, '{"title":"a task from wrk"}']) },
    "complete a task": { method: "PATCH", requests: pgTasks.flatMap((t) => [[`/api/v1/tasks/${t}`, '{"completed":true}'], [`/api/v1/tasks/${t}`, '{"completed":false}']]) },
    "pledge": { method: "POST", requests: pgMilestones.map((m) => [`/api/v1/milestones/${m}/supports`, '{"amount":1}']) },
  };
  // The same script shape, with the PostgreSQL API's own key.
  const rewrite = (file) => { writeFileSync(file, readFileSync(file, "utf8").replace(`Bearer ${key}`, `Bearer ${pg.key}`)); return file; };
  console.log(`\nWrites, SQLite against PostgreSQL (a throwaway local cluster): wrk -t2 -c32 -d${seconds}s after ${warmup} s of warm-up each; 20 milestones in one project, so writes meet on one project's lock`);
  console.log("| workload | SQLite | PostgreSQL | PostgreSQL / SQLite | CPU per request: SQLite / PostgreSQL (API process) |");
  console.log("|---|---|---|---|---|");
  for (const name of Object.keys(pgWorkloads)) {
    const sqliteScript = lua(name, workloads[name]);
    const pgScript = rewrite(lua(`pg ${name}`, pgWorkloads[name]));
    wrk(apiUrl, sqliteScript, { duration: warmup, conns: 32 });
    const a = wrk(apiUrl, sqliteScript, { pid: apiPid, conns: 32 });
    wrk(pg.url, pgScript, { duration: warmup, conns: 32 });
    const b = wrk(pg.url, pgScript, { pid: pg.pid, conns: 32 });
    if (a.errors + b.errors > 0) console.error(`  ${name}: ${a.errors} (SQLite) and ${b.errors} (PostgreSQL) responses were not 2xx/3xx or timed out`);
    console.log(`| ${name} | ${a.rps.toFixed(0)} req/s | ${b.rps.toFixed(0)} req/s | ${(b.rps / a.rps).toFixed(2)} | ${a.cpuUs.toFixed(0)} µs / ${b.cpuUs.toFixed(0)} µs |`);
  }
}

await new Promise((resolve) => setTimeout(resolve, 500));

if (!parts.includes("scale")) {
  ceiling.kill();
  floor.kill();
  process.exit(0);
}

// ---- scale: 30 milestones against ${bigCount}
async function seedProject(count) {
  const p = (await call("POST", "/api/v1/projects", { name: `scale ${count} ${Date.now()}` })).json.data.id;
  await parallel(count, 16, (i) => call("POST", `/api/v1/projects/${p}/milestones`, {
    title: `m-${String(i).padStart(6, "0")}`,
    description: `Milestone number ${i} of the scale test.`,
    status: i % 10 === 0 ? "reached" : "pending",
  }));
  return p;
}
const small = await seedProject(30);
const started = performance.now();
const big = await seedProject(bigCount);
console.log(`\nScale: seeded ${bigCount} milestones in ${((performance.now() - started) / 1000).toFixed(0)} s; p50 with wrk -t1 -c1 -d3s`);
const queries = {
  "first page": (p, n) => `/api/v1/projects/${p}/milestones?limit=20`,
  // The last full page: n milestones plus the default one, so offset n − 20 (10 of 30, 19,980 of 20,000).
  "deep page": (p, n) => `/api/v1/projects/${p}/milestones?limit=20&offset=${n - 20}`,
  "search": (p, n) => `/api/v1/projects/${p}/milestones?search=m-000017`,
  // Short terms: one and two characters, a rare one and a common one (issue 23: a term of any length).
  "search, 2 characters": (p, n) => `/api/v1/projects/${p}/milestones?search=99`,
  "search, 1 rare character": (p, n) => `/api/v1/projects/${p}/milestones?search=_`,
  "status filter": (p, n) => `/api/v1/projects/${p}/milestones?status=reached&limit=20`,
};
const limits = { "first page": 1.5, "deep page": 1.5, "search": 3, "search, 2 characters": 3, "search, 1 rare character": 3, "status filter": 1.5 };
console.log(`| list query | p50 on 30 | p50 on ${bigCount} | ratio | goal |`);
console.log("|---|---|---|---|---|");
for (const [name, path] of Object.entries(queries)) {
  const run = (p, n) => wrk(apiUrl, lua(`scale ${name} ${n}`, { method: "GET", requests: [[path(p, n), null]] }), { threads: 1, conns: 1, duration: 3, latency: true });
  const a = run(small, 30);
  const b = run(big, bigCount);
  // A latency is only worth comparing between answers: an error answered fast would flatter a ratio.
  if (a.errors + b.errors > 0) throw new Error(`${name}: ${a.errors + b.errors} responses were not 2xx/3xx`);
  console.log(`| ${name} | ${a.p50ms.toFixed(2)} ms | ${b.p50ms.toFixed(2)} ms | ${(b.p50ms / a.p50ms).toFixed(2)}× | ≤ ${limits[name]}× |`);
}
ceiling.kill();
floor.kill();
