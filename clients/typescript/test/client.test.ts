// Drives a live Milestones server through the package (the generated clients behind createMilestonesClient). Starts nothing itself: it is
// given MILESTONES_BASE_URL and MILESTONES_API_KEY (.ci/run starts the API on SQLite for it).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  createMilestonesClient,
  MilestonesApiError,
  type MilestonesResource,
  type ProblemDetails,
  type ProjectsResource,
  type TasksResource,
  type ValidationProblemDetails,
} from "../src/index.js";

const baseUrl = process.env.MILESTONES_BASE_URL;
const apiKey = process.env.MILESTONES_API_KEY;

let projects: ProjectsResource;
let milestones: MilestonesResource;
let tasks: TasksResource;

before(() => {
  if (!baseUrl || !apiKey) {
    throw new Error("Set MILESTONES_BASE_URL and MILESTONES_API_KEY: these tests drive a running server.");
  }
  const api = createMilestonesClient({ baseUrl, apiKey });
  projects = api.projects;
  milestones = api.milestones;
  tasks = api.tasks;
});

const unique = (prefix: string) => `${prefix} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function problemOf(call: Promise<unknown>): Promise<ProblemDetails & ValidationProblemDetails> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof MilestonesApiError, "every failure is a MilestonesApiError");
    assert.ok(error instanceof Error);
    assert.equal(error.problem?.status, error.status);
    return error.problem as ProblemDetails & ValidationProblemDetails;
  }
  assert.fail("expected the call to fail with a problem");
}

test("a new project has its default milestone and no counted milestones", async () => {
  const project = (await projects.createProject({ name: unique("client project") })).data!;

  const list = await projects.listProjectMilestones(project.id!);

  assert.equal(project.milestonesTotal, 0);
  assert.equal(list.count, 1);
  assert.equal(list.data[0]!.type, "uncategorised");
  assert.equal(list.data[0]!.position, 0);
});

test("milestones with tasks count them, and completing a task moves progress", async () => {
  const project = (await projects.createProject({ name: unique("progress") })).data!;
  const beta = (await projects.createMilestone(project.id!, {
    title: "Beta",
    dueDate: "2030-03-31",
    color: "success",
    tasks: [{ title: "docs" }, { title: "tests", completed: true }],
  })).data!;
  assert.equal(beta.dueDate, "2030-03-31T23:59:59.999Z");
  assert.equal(beta.tasksTotal, 2);

  const extra = (await milestones.createTask(beta.id!, { title: "ship" })).data!;
  await tasks.updateTask(extra.id!, { completed: true });

  const after = (await milestones.getMilestone(beta.id!)).data!;
  assert.equal(after.tasksCompleted, 2);
  assert.equal(after.progress!.tasksPercent, 66);
});

test("reordering gives positions 1..N in the order sent", async () => {
  const project = (await projects.createProject({ name: unique("reorder") })).data!;
  const ids: number[] = [];
  for (const title of ["A", "B", "C"]) {
    ids.push((await projects.createMilestone(project.id!, { title })).data!.id!);
  }

  const reordered = await projects.reorderMilestones(project.id!, { milestoneIds: [ids[2]!, ids[0]!, ids[1]!] });

  assert.deepEqual(reordered.data!.map((m) => m.title), ["Uncategorised", "C", "A", "B"]);
  assert.deepEqual(reordered.data!.map((m) => m.position), [0, 1, 2, 3]);
});

test("deleting a milestone reassigns its tasks to the milestone named", async () => {
  const project = (await projects.createProject({ name: unique("delete") })).data!;
  const doomed = (await projects.createMilestone(project.id!, { title: "Doomed", tasks: [{ title: "a" }, { title: "b", completed: true }] })).data!;
  const keeper = (await projects.createMilestone(project.id!, { title: "Keeper" })).data!;

  const deleted = (await milestones.deleteMilestone(doomed.id!, { tasks: "reassign", reassignTo: keeper.id! })).data!;

  assert.equal(deleted.deleted, true);
  assert.equal(deleted.tasks, "reassigned");
  assert.equal(deleted.count, 2);
  assert.equal(deleted.reassignTo, keeper.id);
  const target = (await milestones.getMilestone(keeper.id!)).data!;
  assert.equal(target.tasksTotal, 2);
  assert.equal(target.tasksCompleted, 1);
  const moved = await milestones.listTasks(keeper.id!);
  assert.equal(moved.count, 2);
});

test("errors arrive as typed problems", async () => {
  const project = (await projects.createProject({ name: unique("errors") })).data!;
  await projects.createMilestone(project.id!, { title: "Taken" });

  const conflict = await problemOf(projects.createMilestone(project.id!, { title: "TAKEN" }));
  assert.equal(conflict.status, 409);
  assert.match(conflict.detail!, /already exists/);

  const invalid = (await problemOf(
    projects.createMilestone(project.id!, { title: "x", status: "done" as never }),
  )) as ValidationProblemDetails;
  assert.equal(invalid.status, 422);
  assert.ok(invalid.errors!["status"]?.[0]?.includes("pending, in_progress, reached, failed"));

  const missing = await problemOf(milestones.getMilestone(987654321));
  assert.equal(missing.status, 404);
  assert.ok(missing.traceId);
});
