// The connection every resource calls through: the base URL, the API key (or a function giving a token), one
// error class for every answer that is not 2xx, opt-in retries on 429 and 503, conditional GETs as values,
// pages followed through `Link`, and a response's headers next to its data. The generated NSwag clients
// (milestones-client.ts) build each request; this layer sends it. It never touches `window`: the global
// `fetch` (Node 20+, browsers, edge runtimes) or the one given.
import type { ProblemDetails } from "./milestones-client.js";

/** Every answer that is not 2xx: a 4xx/5xx problem, or 304 Not Modified outside a conditional GET. */
export class MilestonesApiError extends Error {
  constructor(
    readonly status: number,
    /** The RFC 9457 problem document (validation problems add `errors`); undefined when the body is not one. */
    readonly problem: (ProblemDetails & { errors?: Record<string, string[]> }) | undefined,
    readonly headers: Headers,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 304 ? "Not Modified" : `HTTP ${status}`));
    this.name = "MilestonesApiError";
  }
}

/** Retries on 429 Too Many Requests and 503 Service Unavailable, after the `Retry-After` the server sends. */
export interface RetryOptions {
  /** Tries in all, the first included (default 3). */
  attempts?: number;
  /** The longest `Retry-After` waited for, in seconds (default 30); a longer one is thrown at once. */
  maxWaitSeconds?: number;
}

export interface ConnectOptions {
  /** Where the API is served, e.g. `http://localhost:5080`. */
  baseUrl: string;
  /** `sk_live_…`; or give `token` to fetch it per call. Neither: anonymous (public projects only). */
  apiKey?: string;
  token?: () => string | Promise<string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /**
   * Off unless given (`true`: the defaults). GET, PUT and DELETE are retried as they are; POST and PATCH only
   * with an `Idempotency-Key`, which every call that takes one then gets (a new UUID when none was given), so a
   * retried write is done once.
   */
  retry?: boolean | RetryOptions;
}

/** What every call takes besides its own options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** What a response said besides its data. */
export interface ResponseInfo {
  status: number;
  headers: Headers;
  /** The version to send back as `ifMatch` / `ifNoneMatch`. */
  etag: string | null;
}

/** A conditional GET's outcome: nothing changed since `etag`, or the fresh data with its new ETag. */
export type Conditional<T> = { notModified: true; etag: string } | { notModified: false; data: T; etag: string | null };

/** A GET's result: `Conditional<T>` when `ifNoneMatch` is given, the data alone when it is not. */
export type Fetched<T, O> = O extends { ifNoneMatch: string } ? Conditional<T> : O extends { ifNoneMatch?: undefined } ? T : T | Conditional<T>;

/** A list's page as every list answers it. */
export interface Page<T> {
  data?: T[] | null;
}

export interface PaginateOptions extends CallOptions {
  /** Items per request (the API's `limit`: 1 to 100; default 100). */
  pageSize?: number;
}

type Http = { fetch(url: RequestInfo, init?: RequestInit): Promise<Response> };

export interface Connection {
  readonly baseUrl: string;
  /** What the generated clients send through. */
  readonly http: Http;
  /** The `Idempotency-Key` to send: the caller's, or a new one when retries are on. */
  idempotencyKey(given: string | undefined): string | undefined;
  /** Runs a GET that may be conditional (`ifNoneMatch`): a 304 becomes `{ notModified: true }`. */
  conditional<T, O extends CallOptions & { ifNoneMatch?: string }>(options: O | undefined, call: (signal: AbortSignal | undefined) => Promise<T>): Promise<Fetched<T, O>>;
  /** Runs one call and returns its data with the response's status and headers (ETag). */
  withResponse<T>(call: (options: { signal: AbortSignal }) => Promise<T>, signal?: AbortSignal): Promise<{ data: T; response: ResponseInfo }>;
  /**
   * Every item of a list, page after page: the first page is `list`'s, each next one the `Link` header's `next`.
   * `list` receives the page size and a signal to pass on: `(page) => api.projects.listProjectMilestones(id, { ...page, status: ["pending"] })`.
   */
  paginate<T>(list: (page: { limit: number; signal: AbortSignal }) => Promise<Page<T>>, options?: PaginateOptions): AsyncGenerator<T, void, undefined>;
}

const optionalHeaders = ["Idempotency-Key", "If-Match", "If-None-Match"];

export function connect(options: ConnectOptions): Connection {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const send = options.fetch ?? ((url: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(url, init));
  const retry = options.retry ? { attempts: 3, maxWaitSeconds: 30, ...(options.retry === true ? {} : options.retry) } : undefined;
  // A call's signal, when the caller of this layer wants to see its response (ETag, Link).
  const observers = new WeakMap<AbortSignal, (response: Response) => void>();

  const http: Http = {
    async fetch(url, init) {
      const headers = new Headers(init?.headers);
      // NSwag sends an optional header it was not given as "", which the API rightly refuses: drop those.
      for (const name of optionalHeaders) {
        if (headers.get(name) === "") {
          headers.delete(name);
        }
      }

      const key = options.token ? await options.token() : options.apiKey;
      if (key) {
        headers.set("Authorization", `Bearer ${key}`);
      }

      const method = (init?.method ?? "GET").toUpperCase();
      const retryable = method === "GET" || method === "PUT" || method === "DELETE" || headers.has("Idempotency-Key");
      for (let attempt = 1; ; attempt++) {
        const response = await send(url, { ...init, headers });
        const wait = retry && retryable && attempt < retry.attempts && (response.status === 429 || response.status === 503)
          ? retryAfterSeconds(response.headers.get("Retry-After"))
          : undefined;
        if (wait !== undefined && wait <= retry!.maxWaitSeconds) {
          await response.body?.cancel();
          await sleep(wait * 1000, init?.signal ?? undefined);
          continue;
        }

        const observer = init?.signal ? observers.get(init.signal) : undefined;
        observer?.(response);
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
      }
    },
  };

  /** A signal that follows the caller's and lets this layer see the response of the call it is given to. */
  function observed(signal: AbortSignal | undefined) {
    const controller = new AbortController();
    if (signal) {
      if (signal.aborted) {
        controller.abort(signal.reason);
      } else {
        signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
      }
    }
    let last: Response | undefined;
    observers.set(controller.signal, (response) => (last = response));
    return { signal: controller.signal, last: () => last };
  }

  const info = (response: Response): ResponseInfo => ({ status: response.status, headers: response.headers, etag: response.headers.get("ETag") });

  return {
    baseUrl,
    http,
    idempotencyKey: (given) => given ?? (retry ? globalThis.crypto.randomUUID() : undefined),
    async conditional<T, O extends CallOptions & { ifNoneMatch?: string }>(callOptions: O | undefined, call: (signal: AbortSignal | undefined) => Promise<T>) {
      if (callOptions?.ifNoneMatch === undefined) {
        return (await call(callOptions?.signal)) as Fetched<T, O>;
      }

      const { signal, last } = observed(callOptions.signal);
      try {
        const data = await call(signal);
        return { notModified: false, data, etag: last()?.headers.get("ETag") ?? null } as Fetched<T, O>;
      } catch (error) {
        if (error instanceof MilestonesApiError && error.status === 304) {
          return { notModified: true, etag: error.headers.get("ETag") ?? callOptions.ifNoneMatch } as Fetched<T, O>;
        }
        throw error;
      }
    },
    async withResponse(call, signal) {
      const observing = observed(signal);
      const data = await call({ signal: observing.signal });
      return { data, response: info(observing.last()!) };
    },
    async *paginate<T>(list: (page: { limit: number; signal: AbortSignal }) => Promise<Page<T>>, paging: PaginateOptions = {}) {
      const { signal, last } = observed(paging.signal);
      let page = await list({ limit: paging.pageSize ?? 100, signal });
      for (;;) {
        yield* page.data ?? [];
        const next = nextLink(last()?.headers.get("Link"));
        if (!next) {
          return;
        }
        const response = await http.fetch(new URL(next, baseUrl + "/").toString(), { method: "GET", headers: { Accept: "application/json" }, signal });
        page = (await response.json()) as Page<T>;
      }
    },
  };
}

/** `Retry-After` as seconds: a number of seconds, or an HTTP date. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** The `next` target of a `Link` header (RFC 8288), if any. */
function nextLink(header: string | null | undefined): string | undefined {
  for (const part of header?.split(",") ?? []) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /(^|;)\s*rel="?next"?\s*(;|$)/.test(match[2]!)) {
      return match[1];
    }
  }
  return undefined;
}
