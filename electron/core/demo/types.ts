/**
 * Public types of the fake APIMart server. Kept apart from the implementation
 * so tests and the CLI can import them without pulling in node:http.
 */

export type Route = 'submit' | 'task' | 'upload' | 'balance' | 'models' | 'model-schema' | 'model-docs' | 'file';
/** The routes of the API server (not the file host). */
export type ApiRoute = Exclude<Route, 'file'>;

/**
 * A scripted misbehaviour. Faults for a route are consumed in FIFO order, one
 * per request (`times` repeats one). Exception: `task`/`fail` faults wait in
 * their own queue for the next task that completes, so they never block the
 * per-request faults queued behind them.
 */
export type Fault =
  | {
      route: Route;
      kind: 'status';
      status: number;
      /** Default: the contract's error envelope for `status`. `null` = empty body; a string is sent verbatim. */
      body?: unknown;
      headers?: Record<string, string>;
      times?: number;
    }
  /** Create the task and record the idempotency result, then destroy the socket without replying. */
  | { route: 'submit'; kind: 'drop-after-accept'; times?: number }
  /** Destroy the socket before processing anything. */
  | { route: Route; kind: 'drop'; times?: number }
  /** Full Content-Length, `afterBytes` bytes of body, then a destroyed socket. */
  | { route: 'file'; kind: 'truncate'; afterBytes: number; times?: number }
  /** Headers and `afterBytes` bytes, then silence until close(); emits 'stalled'. */
  | { route: 'file'; kind: 'stall'; afterBytes: number; times?: number }
  /** Ignore the Range header (answer 200 with the whole file). */
  | { route: 'file'; kind: 'no-range'; times?: number }
  /**
   * The next task that would complete ends `failed` with this error instead. `localized` gives the
   * message a query with `?language=<code>` reads, as the real API localises `error.message`.
   */
  | { route: 'task'; kind: 'fail'; message: string; localized?: Readonly<Record<string, string>>; code?: string | number; times?: number }
  /** This GET reports an unknown status string, nothing else changes. */
  | { route: 'task'; kind: 'unknown-status'; status: string; times?: number }
  /**
   * A gateway or captive proxy that echoes what it received: answers like 'status', but every
   * `{auth}` in the body's strings and the header values becomes the request's Authorization
   * header, and every `{token}` the bearer token alone. A string body is sent verbatim.
   */
  | { route: ApiRoute; kind: 'echo-auth'; status: number; body: unknown; headers?: Record<string, string>; times?: number }
  /**
   * Handles the request normally, but sends the bearer token back in X-Oneapi-Request-Id
   * (`<request id>.<token>`) and the whole Authorization header in X-Echo-Authorization.
   */
  | { route: ApiRoute; kind: 'echo-auth-headers'; times?: number }
  /**
   * Answers `status` (default 200) with a JSON document of exactly `bytes` bytes (a models list
   * padded with filler), streamed as fast as the client takes it, without Content-Length unless
   * `declareLength`. Emits 'huge-reply-ended' once the body is sent or the client hung up.
   */
  | { route: ApiRoute; kind: 'huge-reply'; bytes: number; status?: number; declareLength?: boolean; times?: number };

export type FaultKind = Fault['kind'];

export type ProgressMode = { mode: 'polls'; pollsToComplete: number } | { mode: 'time'; durationMs: number };

export interface FakeClock {
  now(): number;
}

export interface FakeApimartOptions {
  /** Bearer key the API requires. Default 'sk-test-key'. `null` = accept any non-empty bearer token. */
  apiKey?: string | null;
  /**
   * How tasks advance. 'polls': completes after N GETs of that task (deterministic, for tests; default N=3).
   * 'time': completes durationMs after creation using `clock.now()` (demo mode; default 8000).
   */
  progress?: ProgressMode;
  clock?: FakeClock;
  /** Result URL lifetime, default 72 h as documented; expires_at = completed + ttl (seconds in JSON). */
  urlTtlMs?: number;
  /**
   * Submit reply shape. 'array' (default): {"code":200,"data":[{"status":"submitted","task_id":…}]};
   * 'object': data object with id/status/task_info (also selected per request by the header
   * X-APIMart-Response-Version: 2026-07-27); 'accepted202': HTTP 202 with data.id and data.poll_url;
   * 'result': a synchronous result (data.object "generation.result", the videos in the reply, no task id).
   */
  submitShape?: 'array' | 'object' | 'accepted202' | 'result';
  /** A deployment that ignores X-APIMart-Response-Version and answers `submitShape` whatever was asked. */
  ignoreResponseVersion?: boolean;
  /** `next_poll_after_seconds` in submit and running-task replies (default 2, the provider's own). */
  nextPollAfterS?: number;
  /** The models this key may use: GET /v1/models lists them, the others answer model_not_found. Default: both Veo 3.1 models. */
  models?: readonly string[];
  /** videos[i].url as an array (default) or a plain string. */
  urlShape?: 'array' | 'string';
  balanceUsd?: number;
  estimatedTimeS?: number;
  port?: number;
  filePort?: number;
}

export interface RequestRecord {
  method: string;
  /** Path with query string, as received. */
  path: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
}

export interface UploadRecord {
  filename: string;
  contentType: string;
  bytes: number;
  sha256: string;
  url: string;
}

export interface SubmitRecord {
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  idempotencyKey?: string;
}

/** Plain, live-updated counters and logs for tests. */
export interface FakeStats {
  /** Every POST /v1/videos/generations, including dropped and failed ones. */
  submits: number;
  /** Distinct tasks actually created: the number that proves "no duplicate task". */
  tasksCreated: number;
  /** Idempotent replays served. */
  replays: number;
  uploads: UploadRecord[];
  /** Submit bodies that reached the handler (not dropped or status-faulted). */
  submitBodies: SubmitRecord[];
  /** GET /v1/tasks/:id requests that reached the handler. */
  taskPolls: number;
  apiRequests: RequestRecord[];
  fileRequests: RequestRecord[];
}

export interface FakeEvents {
  stalled: { path: string; bytesSent: number };
  'task-created': { id: string; model: string; prompt: string; sampleCount: number; idempotencyKey?: string };
  request: { server: 'api' | 'file'; method: string; path: string };
  /** A 'huge-reply' fault's body: sent whole (`complete`), or cut short when the client closed the connection. */
  'huge-reply-ended': { route: ApiRoute; bytesSent: number; complete: boolean };
}

export interface FakeApimart {
  /** e.g. http://127.0.0.1:41234 (the client appends /v1/...). */
  readonly apiUrl: string;
  /** A different origin serving result videos, thumbnails and uploaded images. */
  readonly fileUrl: string;
  readonly stats: FakeStats;
  fault(f: Fault): void;
  clearFaults(): void;
  /** Every result/thumbnail link issued so far now answers 403, like an expired CDN link. */
  expireLinks(): void;
  /** After expireLinks, whether a new GET /v1/tasks/:id hands out fresh, working links (default true). */
  setRefreshLinksOnRequery(v: boolean): void;
  /** Serves a local file from the file host, streamed from disk; returns its URL. */
  registerFile(absPath: string): string;
  /** Changes which models the key may use from now on (see FakeApimartOptions.models). */
  setModels(models: readonly string[]): void;
  on<E extends keyof FakeEvents>(event: E, cb: (info: FakeEvents[E]) => void): () => void;
  /** Closes both servers and destroys open sockets (stalled ones included). */
  close(): Promise<void>;
}
