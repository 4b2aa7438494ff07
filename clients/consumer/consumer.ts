// A new TypeScript program using the packed @milestones/client the way a front end would.
// build/check-client-package.sh installs the tarball beside it, compiles it strictly and runs it
// against a live API (MILESTONES_BASE_URL, MILESTONES_API_KEY). Exits non-zero on any surprise.
import { createMilestonesClient, MilestonesApiError, type MilestoneDto } from "@milestones/client";
import { connect } from "@milestones/client/core";
import { projects } from "@milestones/client/projects";

const baseUrl = process.env.MILESTONES_BASE_URL;
const apiKey = process.env.MILESTONES_API_KEY;
if (!baseUrl || !apiKey) {
  throw new Error("Set MILESTONES_BASE_URL and MILESTONES_API_KEY.");
}

const api = createMilestonesClient({ baseUrl, apiKey });
const expect = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`unexpected: ${what}`);
  console.log(`ok - ${what}`);
};

// Create, with an Idempotency-Key (a named option), then retry it: the same project, once.
const key = `consumer-${Date.now()}`;
const first = await api.projects.createProject({ name: `Consumer ${key}`, visibility: "private" }, { idempotencyKey: key });
const retry = await api.withResponse((page) => api.projects.createProject({ name: `Consumer ${key}`, visibility: "private" }, { idempotencyKey: key, ...page }));
expect(retry.data.data.id === first.data.id && retry.response.headers.get("Idempotent-Replayed") === "true",
  `an idempotent retry replays project ${first.data.id}`);

// Read, and read again with the ETag: a value that says nothing changed.
const created = await api.projects.createMilestone(first.data.id, { title: "Launch", tasks: [{ title: "Write it" }] });
const milestone: MilestoneDto = created.data;
const id: number = milestone.id; // required fields are plain numbers, not number | undefined
const read = await api.milestones.getMilestone(id, { ifNoneMatch: '"nothing-yet"' });
expect(!read.notModified && read.data.data.title === "Launch" && read.etag !== null, `read milestone ${id} with ETag ${read.etag}`);
const again = await api.milestones.getMilestone(id, { ifNoneMatch: read.etag! });
expect(again.notModified, "a conditional GET of an unchanged milestone says notModified");

// A conflict is an Error with its status and problem.
try {
  await api.projects.createMilestone(first.data.id, { title: "LAUNCH" });
  expect(false, "a duplicate title is 409");
} catch (error) {
  expect(error instanceof Error && error instanceof MilestonesApiError && error.status === 409 && !!error.problem?.detail,
    `a duplicate title is 409: ${(error as Error).message}`);
}

// A named list query, and every page of it.
const list = await api.projects.listProjectMilestones(first.data.id, { status: ["pending"], sort: "title", limit: 5 });
expect(list.count === 2 && list.data.length === 2, `listed ${list.count} pending milestones`);
let seen = 0;
for await (const item of api.paginate((page) => api.projects.listProjectMilestones(first.data.id, page), { pageSize: 1 })) {
  seen += item.id > 0 ? 1 : 0;
}
expect(seen === 2, `paginated ${seen} milestones one page at a time`);

// One resource alone, from its own module, with retries on.
const alone = projects(connect({ baseUrl, apiKey, retry: { attempts: 2, maxWaitSeconds: 5 } }));
const one = await alone.getProject(first.data.id);
expect(one.data.id === first.data.id, "the projects module works alone");
