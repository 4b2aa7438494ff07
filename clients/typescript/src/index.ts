// The package's entry point: the generated NSwag clients and types (milestones-client.ts, never edited
// by hand), plus this thin layer, which adds what NSwag's Fetch template cannot: the API key or a token
// function, no dependence on `window` (Node 20+ and browsers alike), one error class, named list
// queries, and a way to read a response's headers (ETag) next to its data.
import {
  MilestonesClient,
  ProjectsClient,
  SupportsClient,
  TasksClient,
  UsersClient,
  WebhooksClient,
  type EventList,
  type EventType,
  type MilestoneList,
  type MilestoneSort,
  type MilestoneStatus,
  type MilestoneType,
  type ProblemDetails,
  type SortOrder,
} from "./milestones-client.js";

export * from "./milestones-client.js";
export * from "./webhooks.js";

/** Every answer that is not 2xx: a 4xx/5xx problem, or 304 Not Modified for a conditional GET. */
export class MilestonesApiError extends Error {
  constructor(
    readonly status: number,
    /** The RFC 9457 problem document (validation problems add `errors`); undefined for 304. */
    readonly problem: (ProblemDetails & { errors?: Record<string, string[]> }) | undefined,
    readonly headers: Headers,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 304 ? "Not Modified" : `HTTP ${status}`));
    this.name = "MilestonesApiError";
  }
}

export interface MilestonesClientOptions {
  /** Where the API is served, e.g. `http://localhost:5080`. */
  baseUrl: string;
  /** `sk_live_…`; or give `token` to fetch it per call. Neither: anonymous (public projects only). */
  apiKey?: string;
  token?: () => string | Promise<string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** What a call's response said besides its data. */
export interface ResponseInfo {
  status: number;
  headers: Headers;
  /** The version to send back as If-Match / If-None-Match. */
  etag: string | null;
}

/** The milestone list's query, by name (all optional). */
export interface MilestoneQuery {
  status?: MilestoneStatus[];
  type?: MilestoneType;
  search?: string;
  overdue?: boolean;
  dueBefore?: string;
  dueAfter?: string;
  sort?: MilestoneSort;
  order?: SortOrder;
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
  page?: number;
  signal?: AbortSignal;
}

export interface EventQuery {
  type?: EventType;
  milestoneId?: number;
  before?: number;
  limit?: number;
  offset?: number;
  page?: number;
  signal?: AbortSignal;
}

type Http = { fetch(url: RequestInfo, init?: RequestInit): Promise<Response> };

function clients(baseUrl: string, http: Http) {
  const projects = new ProjectsClient(baseUrl, http);
  const milestones = new MilestonesClient(baseUrl, http);
  return {
    projects,
    milestones,
    tasks: new TasksClient(baseUrl, http),
    supports: new SupportsClient(baseUrl, http),
    users: new UsersClient(baseUrl, http),
    webhooks: new WebhooksClient(baseUrl, http),
    /** `GET /projects/{id}/milestones` with a named query. */
    listProjectMilestones: (projectId: number, q: MilestoneQuery = {}): Promise<MilestoneList> =>
      projects.listProjectMilestones(projectId, q.status, q.type, q.search, q.overdue, q.dueBefore, q.dueAfter, q.sort, q.order,
        q.includeDeleted, q.limit, q.offset, q.page, q.signal),
    /** `GET /milestones` (every readable project) with a named query. */
    listMilestones: (q: MilestoneQuery & { projectId?: number; users?: string } = {}): Promise<MilestoneList> =>
      milestones.listMilestones(q.status, q.type, q.search, q.overdue, q.dueBefore, q.dueAfter, q.sort, q.order,
        q.includeDeleted, q.limit, q.offset, q.page, q.projectId, q.users, q.signal),
    /** `GET /projects/{id}/events` with a named query. */
    listEvents: (projectId: number, q: EventQuery = {}): Promise<EventList> =>
      projects.listEvents(projectId, q.type, q.milestoneId, q.before, q.limit, q.offset, q.page, q.signal),
  };
}

export type MilestonesApi = ReturnType<typeof clients> & {
  /** Runs one call and returns its data with the response's status and headers (ETag). */
  withResponse<T>(call: (api: ReturnType<typeof clients>) => Promise<T>): Promise<{ data: T; response: ResponseInfo }>;
};

export function createMilestonesClient(options: MilestonesClientOptions): MilestonesApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);

  const http = (seen?: (info: ResponseInfo) => void): Http => ({
    async fetch(url, init) {
      const headers = new Headers(init?.headers);
      // NSwag sends an optional header it was not given as "", which the API rightly refuses: drop those.
      for (const name of ["Idempotency-Key", "If-Match", "If-None-Match"]) {
        if (headers.get(name) === "") {
          headers.delete(name);
        }
      }

      const key = options.token ? await options.token() : options.apiKey;
      if (key) {
        headers.set("Authorization", `Bearer ${key}`);
      }

      const response = await send(url, { ...init, headers });
      seen?.({ status: response.status, headers: response.headers, etag: response.headers.get("ETag") });
      if (!response.ok) {
        const text = await response.text();
        let problem: MilestonesApiError["problem"];
        try {
          problem = text ? JSON.parse(text) : undefined;
        } catch {
          problem = undefined;
        }
        throw new MilestonesApiError(response.status, problem, response.headers);
      }

      return response;
    },
  });

  return Object.assign(clients(baseUrl, http()), {
    async withResponse<T>(call: (api: ReturnType<typeof clients>) => Promise<T>) {
      let response: ResponseInfo | undefined;
      const data = await call(clients(baseUrl, http((info) => (response = info))));
      return { data, response: response! };
    },
  });
}
