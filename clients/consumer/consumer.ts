// A new TypeScript program using the packed @milestones/client the way a front end would.
// build/check-client-package.sh installs the tarball beside it, compiles it strictly and runs it
// against a live API (MILESTONES_BASE_URL, MILESTONES_API_KEY). Exits non-zero on any surprise.
import { createMilestonesClient, MilestonesApiError, type MilestoneDto } from "@milestones/client";

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

// Create, with an Idempotency-Key, then retry it: the same project, once.
const key = `consumer-${Date.now()}`;
const first = await api.projects.createProject({ name: `Consumer ${key}`, visibility: "private" }, key);
const retry = await api.withResponse((c) => c.projects.createProject({ name: `Consumer ${key}`, visibility: "private" }, key));
expect(retry.data.data.id === first.data.id && retry.response.headers.get("Idempotent-Replayed") === "true",
  `an idempotent retry replays project ${first.data.id}`);

// Read, and read again with the ETag: 304.
const created = await api.projects.createMilestone(first.data.id, { title: "Launch", tasks: [{ title: "Write it" }] });
const milestone: MilestoneDto = created.data;
const id: number = milestone.id; // required fields are plain numbers, not number | undefined
const read = await api.withResponse((c) => c.milestones.getMilestone(id));
expect(read.data.data.title === "Launch" && read.response.etag !== null, `read milestone ${id} with ETag ${read.response.etag}`);
try {
  await api.milestones.getMilestone(id, read.response.etag!);
  expect(false, "a conditional GET of an unchanged milestone is 304");
} catch (error) {
  expect(error instanceof MilestonesApiError && error.status === 304, "a conditional GET of an unchanged milestone is 304");
}

// A conflict is an Error with its status and problem.
try {
  await api.projects.createMilestone(first.data.id, { title: "LAUNCH" });
  expect(false, "a duplicate title is 409");
} catch (error) {
  expect(error instanceof Error && error instanceof MilestonesApiError && error.status === 409 && !!error.problem?.detail,
    `a duplicate title is 409: ${(error as Error).message}`);
}

// A named list query.
const list = await api.listProjectMilestones(first.data.id, { status: ["pending"], sort: "title", limit: 5 });
expect(list.count === 2 && list.data.length === 2, `listed ${list.count} pending milestones`);
