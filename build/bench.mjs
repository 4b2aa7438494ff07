// Load driver for build/bench.sh: bounded request counts against a local API, no third-party code.
// Usage: node build/bench.mjs <baseUrl> <apiKey> <serverPid>
import { readFileSync } from "node:fs";

const [baseUrl, key, pid] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const scale = Number(process.env.BENCH_SCALE ?? 1);

async function call(method, path, body) {
  const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function memory() {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))[1]);
  return { rssMiB: kb("VmRSS") / 1024, peakMiB: kb("VmHWM") / 1024 };
}

async function phase(name, count, make) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (true) {
      const i = next++;
      if (i >= count) return;
      const t = performance.now();
      await make(i);
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const m = memory();
  const row = { phase: name, requests: count, rps: count / seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), rssMiB: m.rssMiB };
  console.log(
    `${name.padEnd(28)} ${String(count).padStart(6)} req  ${row.rps.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms  rss ${m.rssMiB.toFixed(0)} MiB`);
  return row;
}

const project = (await call("POST", "/api/v1/projects", { name: `bench ${Date.now()}` })).data;
const milestones = [];
for (let i = 0; i < 20; i++) {
  milestones.push((await call("POST", `/api/v1/projects/${project.id}/milestones`, { title: `m${i}`, dueDate: "2030-01-01", goalAmount: 1000 })).data.id);
}

const tasks = [];
console.log(`concurrency ${concurrency}; memory of the API process (pid ${pid}) after each phase`);
await phase("create task (POST)", 600 * scale, async (i) => {
  tasks.push((await call("POST", `/api/v1/milestones/${milestones[i % milestones.length]}/tasks`, { title: `t${i}` })).data.id);
});
await phase("complete task (PATCH)", tasks.length, (i) => call("PATCH", `/api/v1/tasks/${tasks[i]}`, { completed: true }));
await phase("pledge (POST supports)", 300 * scale, (i) => call("POST", `/api/v1/milestones/${milestones[i % milestones.length]}/supports`, { amount: 1.25 }));
await phase("get milestone (GET)", 2000 * scale, (i) => call("GET", `/api/v1/milestones/${milestones[i % milestones.length]}`));
await phase("list + filter + sort (GET)", 1000 * scale, () => call("GET", `/api/v1/projects/${project.id}/milestones?status=pending,in_progress&search=m1&sort=title&order=desc&limit=50`));
await phase("events page (GET)", 500 * scale, () => call("GET", `/api/v1/projects/${project.id}/events?limit=100`));

const recount = (await call("POST", `/api/v1/projects/${project.id}/recount`)).data;
const after = (await call("GET", `/api/v1/projects/${project.id}`)).data;
const { peakMiB } = memory();
console.log(`counters: tasksTotal ${after.tasksTotal}, tasksCompleted ${after.tasksCompleted}; recount fixed ${recount.fixed.length}; peak rss ${peakMiB.toFixed(0)} MiB`);
if (recount.fixed.length !== 0 || after.tasksTotal !== tasks.length || after.tasksCompleted !== tasks.length) {
  console.error("counters drifted under load");
  process.exit(1);
}
