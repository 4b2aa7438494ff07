// The package's entry point. Everything here is also importable alone, so a bundle carries only what it
// uses: `@milestones/client/core` (connect, errors, retries, pages), one module per resource
// (`@milestones/client/projects`, `/milestones`, `/tasks`, `/supports`, `/users`, `/webhooks`, `/health`)
// and `@milestones/client/signatures` (checking a webhook delivery). The resources are generated from
// the NSwag client (milestones-client.ts), which builds every request; see build/generate-client.sh.
import { connect, type ConnectOptions } from "./core.js";
import { health, milestones, projects, supports, tasks, users, webhooks } from "./resources/index.js";

export {
  connect,
  MilestonesApiError,
  type CallOptions,
  type Conditional,
  type ConnectOptions,
  type Connection,
  type Fetched,
  type Page,
  type PaginateOptions,
  type ResponseInfo,
  type RetryOptions,
} from "./core.js";
export * from "./resources/index.js";
export * from "./types.js";
export { verifyWebhookSignature, WebhookHeaders } from "./signatures.js";

/**
 * Every resource on one connection: `api.projects.createMilestone(projectId, body, { idempotencyKey })`,
 * `api.paginate((page) => api.projects.listProjectMilestones(projectId, page))`. A bundle that needs a few
 * resources only is smaller with `connect` and those resources' functions.
 */
export function createMilestonesClient(options: ConnectOptions) {
  const connection = connect(options);
  return {
    connection,
    health: health(connection),
    milestones: milestones(connection),
    projects: projects(connection),
    supports: supports(connection),
    tasks: tasks(connection),
    users: users(connection),
    webhooks: webhooks(connection),
    paginate: connection.paginate,
    withResponse: connection.withResponse,
  };
}

export type MilestonesApi = ReturnType<typeof createMilestonesClient>;
