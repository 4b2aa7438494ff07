// The layer over the generated clients, point by point (issue 26): named options, conditional GETs as values,
// pages, opt-in retries, and a consumer's bundle size. The live tests drive the server .ci/run starts
// (MILESTONES_BASE_URL, MILESTONES_API_KEY); the retry tests put a scripted fetch in front of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { connect, createMilestonesClient, MilestonesApiError, projects, type MilestoneDto } from "../src/index.js";

const baseUrl = process.env.MILESTONES_BASE_URL ?? "";
const apiKey = process.env.MILESTONES_API_KEY ?? "";
const unique = (prefix: string) => `${prefix} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function newProject(api = createMilestonesClient({ baseUrl, apiKey })) {
  return (await api.projects.createProject({ name: unique("layer") })).data;
}

test("every optional part of a call is a named option: If-Match on an update, an Idempotency-Key on a create", async () => {
  const api = createMilestonesClient({ baseUrl, apiKey });
  const project = await newProject(api);
  const key = unique("key").replace(/\W/g, "-");

  const first = await api.projects.createMilestone(project.id, { title: "Named" }, { idempotencyKey: key });
  const again = await api.projects.createMilestone(project.id, { title: "Named" }, { idempotencyKey: key });
  const read = await api.withResponse((page) => api.milestones.getMilestone(first.data.id, page));
  await assert.rejects(api.milestones.updateMilestone(first.data.id, { title: "Renamed" }, { ifMatch: '"stale"' }),
    (error: unknown) => error instanceof MilestonesApiError && error.status === 412);
  const updated = await api.milestones.updateMilestone(first.data.id, { title: "Renamed" }, { ifMatch: read.response.etag! });

  assert.equal(again.data.id, first.data.id, "the same key replays the same milestone");
  assert.equal(updated.data.title, "Renamed");
});

test("a conditional GET resolves to notModified, or to the fresh data with its ETag", async () => {
  const api = createMilestonesClient({ baseUrl, apiKey });
  const project = await newProject(api);
  const milestone = (await api.projects.createMilestone(project.id, { title: "Watched" })).data;

  const fresh = await api.milestones.getMilestone(milestone.id, { ifNoneMatch: '"not-this-one"' });
  assert.equal(fresh.notModified, false);
  assert.ok(!fresh.notModified && fresh.data.data.title === "Watched" && fresh.etag);
  const unchanged = await api.milestones.getMilestone(milestone.id, { ifNoneMatch: fresh.etag! });
  await api.milestones.updateMilestone(milestone.id, { title: "Changed" });
  const changed = await api.milestones.getMilestone(milestone.id, { ifNoneMatch: fresh.etag! });

  assert.deepEqual(unchanged, { notModified: true, etag: fresh.etag });
  assert.ok(!changed.notModified && changed.data.data.title === "Changed" && changed.etag !== fresh.etag);
  const plain: MilestoneDto = (await api.milestones.getMilestone(milestone.id)).data; // no ifNoneMatch: the data itself
  assert.equal(plain.title, "Changed");
  await assert.rejects(api.milestones.getMilestone(987654321, { ifNoneMatch: '"x"' }), (e: unknown) => e instanceof MilestonesApiError && e.status === 404);
});

test("paginate yields every item of a list, following Link next page after page", async () => {
  const api = createMilestonesClient({ baseUrl, apiKey });
  const project = await newProject(api);
  for (const title of ["A", "B", "C", "D", "E"]) {
    await api.projects.createMilestone(project.id, { title });
  }
  const requested: string[] = [];
  const counting = createMilestonesClient({ baseUrl, apiKey, fetch: (url, init) => (requested.push(String(url)), fetch(url, init)) });

  const titles: string[] = [];
  for await (const milestone of counting.paginate((page) => counting.projects.listProjectMilestones(project.id, { ...page, sort: "title" }), { pageSize: 2 })) {
    titles.push(milestone.title);
  }
  const pending: string[] = [];
  for await (const milestone of api.paginate((page) => api.milestones.listMilestones({ ...page, projectId: project.id, status: ["pending"] }), { pageSize: 4 })) {
    pending.push(milestone.title);
  }

  assert.deepEqual(titles, ["A", "B", "C", "D", "E", "Uncategorised"]);
  assert.equal(requested.length, 3, "three pages of two");
  assert.match(requested[1]!, /limit=2&offset=2/);
  assert.deepEqual(pending.sort(), [...titles].sort(), "every milestone is pending, the default one too");
});

/** A fetch that answers the first `failures` calls itself with `status` and `Retry-After`, then sends the rest to the server. */
function scripted(status: number, retryAfter: string, failures = 1) {
  const seen: { method: string; key: string | null }[] = [];
  const fetcher: typeof fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    seen.push({ method: init?.method ?? "GET", key: headers.get("Idempotency-Key") });
    if (seen.length <= failures) {
      return new Response(JSON.stringify({ status, title: "busy", detail: "try later" }), { status, headers: { "Retry-After": retryAfter, "Content-Type": "application/problem+json" } });
    }
    return fetch(url, init);
  };
  return { seen, fetcher };
}

test("with retries on, a 429 is waited out and a POST is retried with one generated Idempotency-Key", async () => {
  const project = await newProject();
  const { seen, fetcher } = scripted(429, "1");
  const api = createMilestonesClient({ baseUrl, apiKey, fetch: fetcher, retry: true });

  const started = Date.now();
  const created = await api.projects.createMilestone(project.id, { title: "Retried" });

  assert.equal(created.data.title, "Retried");
  assert.ok(Date.now() - started >= 900, "it waited for Retry-After");
  assert.equal(seen.length, 2);
  assert.ok(seen[0]!.key && seen[0]!.key === seen[1]!.key, "both tries carried the same generated key");
});

test("a 503 on a GET is retried; retries stop at the attempts given and at the longest wait allowed", async () => {
  const project = await newProject();
  const once = scripted(503, "0");
  const always = scripted(503, "0", 100);
  const long = scripted(429, "120");

  const read = await createMilestonesClient({ baseUrl, apiKey, fetch: once.fetcher, retry: { attempts: 2 } }).projects.getProject(project.id);
  await assert.rejects(createMilestonesClient({ baseUrl, apiKey, fetch: always.fetcher, retry: { attempts: 3 } }).projects.getProject(project.id),
    (e: unknown) => e instanceof MilestonesApiError && e.status === 503);
  await assert.rejects(createMilestonesClient({ baseUrl, apiKey, fetch: long.fetcher, retry: { maxWaitSeconds: 5 } }).projects.getProject(project.id),
    (e: unknown) => e instanceof MilestonesApiError && e.status === 429 && e.headers.get("Retry-After") === "120");

  assert.equal(read.data.id, project.id);
  assert.equal(once.seen.length, 2);
  assert.equal(always.seen.length, 3, "three attempts, then the 503 is thrown");
  assert.equal(long.seen.length, 1, "a wait beyond maxWaitSeconds is not waited");
});

test("without retries, nothing is retried and no Idempotency-Key is invented", async () => {
  const project = await newProject();
  const { seen, fetcher } = scripted(429, "0");

  const call = createMilestonesClient({ baseUrl, apiKey, fetch: fetcher }).projects.createMilestone(project.id, { title: "Once" });

  await assert.rejects(call, (e: unknown) => e instanceof MilestonesApiError && e.status === 429);
  assert.deepEqual(seen, [{ method: "POST", key: null }]);
});

test("a resource works alone on a connection, and the package never needs window", async () => {
  assert.equal((globalThis as { window?: unknown }).window, undefined);
  const connection = connect({ baseUrl, apiKey });
  const projectCalls = projects(connection);

  const project = (await projectCalls.createProject({ name: unique("alone") })).data;
  const list = await projectCalls.listProjectMilestones(project.id, { limit: 1 });

  assert.equal(list.data[0]?.type, "uncategorised");
});

test("a consumer that creates and lists bundles to 25 KB or less (esbuild, minified), with no window in it", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, "..", ".."); // dist/test -> the package
  const work = mkdtempSync(join(tmpdir(), "milestones-bundle-"));
  const entry = join(work, "consumer.ts");
  writeFileSync(entry, [
    `import { connect } from ${JSON.stringify(join(root, "src", "core.ts"))};`,
    `import { projects } from ${JSON.stringify(join(root, "src", "resources", "projects.ts"))};`,
    `const api = projects(connect({ baseUrl: "https://milestones.example", apiKey: "sk_live_x" }));`,
    `const created = await api.createMilestone(1, { title: "Launch" }, { idempotencyKey: "k" });`,
    `const list = await api.listProjectMilestones(1, { status: ["pending"], limit: 20 });`,
    `console.log(created.data.id, list.count);`,
  ].join("\n"));
  const out = join(work, "bundle.js");

  execFileSync(join(root, "node_modules", ".bin", "esbuild"), [entry, "--bundle", "--minify", "--format=esm", "--platform=neutral", `--outfile=${out}`], { stdio: "pipe" });

  const bundle = readFileSync(out, "utf8");
  const size = Buffer.byteLength(bundle);
  console.log(`create + list bundle: ${size} bytes minified`);
  assert.ok(size <= 25 * 1024, `the bundle is ${size} bytes, over 25 KB`);
  assert.ok(!/\bwindow\b/.test(bundle), "the bundle mentions window");
});

test("the package exports no generated client class and no error class it never throws", async () => {
  const exported = Object.keys(await import("../src/index.js"));

  assert.deepEqual(exported.filter((name) => /^[A-Z]\w*Client$/.test(name) || name === "ApiException" || name === "throwException"), []);
  assert.ok(exported.includes("createMilestonesClient") && exported.includes("connect") && exported.includes("projects"));
});
