import { createApiHandler } from './api-routes.js';
import type { ApiDeps } from './api-routes.js';
import { TypedEmitter } from './emitter.js';
import { FaultPlan } from './fault-plan.js';
import { FileHost } from './file-host.js';
import { demoFixtures } from './fixtures.js';
import { listenTracked } from './http-util.js';
import { IdempotencyStore } from './idempotency.js';
import { Balance } from './pricing.js';
import { FAKE_MODELS } from './submit-schema.js';
import { TaskStore } from './task-store.js';
import { UploadDir } from './uploads.js';
import type { FakeApimart, FakeApimartOptions, FakeClock, FakeEvents, FakeStats, ProgressMode } from './types.js';

/**
 * A real HTTP implementation of the APIMart video API (contract.md) on
 * 127.0.0.1: the test suite's scriptable misbehaving fake, and the app's
 * no-key, no-charge demo provider. Two servers: the API and a separate "CDN"
 * origin for result files, as in production.
 */

export type {
  ApiRoute,
  FakeApimart,
  FakeApimartOptions,
  FakeClock,
  FakeEvents,
  FakeStats,
  Fault,
  FaultKind,
  ProgressMode,
  RequestRecord,
  Route,
  SubmitRecord,
  UploadRecord,
} from './types.js';

export const DEFAULT_API_KEY = 'sk-test-key';
export const DEFAULT_POLLS_TO_COMPLETE = 3;
export const DEFAULT_DEMO_DURATION_MS = 8000;
/** Result links live 72 h, as the provider documents (contract §2). */
export const DEFAULT_URL_TTL_MS = 72 * 60 * 60 * 1000;
/** The provider's suggested wait between two queries of a task. */
export const DEFAULT_NEXT_POLL_AFTER_S = 2;

export async function startFakeApimart(opts: FakeApimartOptions = {}): Promise<FakeApimart> {
  const clock = opts.clock ?? { now: () => Date.now() };
  const progress: ProgressMode = opts.progress ?? { mode: 'polls', pollsToComplete: DEFAULT_POLLS_TO_COMPLETE };
  const stats: FakeStats = {
    submits: 0,
    tasksCreated: 0,
    replays: 0,
    uploads: [],
    submitBodies: [],
    taskPolls: 0,
    apiRequests: [],
    fileRequests: [],
  };
  const events = new TypedEmitter<FakeEvents>();
  const faults = new FaultPlan();
  const balance = new Balance(opts.balanceUsd ?? 25);
  const fileHost = new FileHost({ clock, faults, stats, events });
  const uploadDir = new UploadDir();
  const estimatedTimeS = opts.estimatedTimeS ?? 60;
  let apiUrl = '';
  let models: readonly string[] = [...(opts.models ?? FAKE_MODELS)];

  const deps: ApiDeps = {
    apiKey: opts.apiKey === undefined ? DEFAULT_API_KEY : opts.apiKey,
    clock,
    faults,
    balance,
    stats,
    events,
    uploadDir,
    tasks: new TaskStore({ clock, progress, faults, balance }),
    idempotency: new IdempotencyStore(clock),
    submitShape: opts.submitShape ?? 'array',
    ignoreResponseVersion: opts.ignoreResponseVersion ?? false,
    estimatedTimeS,
    models: () => models,
    apiUrl: () => apiUrl,
    view: {
      fileHost,
      fixtures: demoFixtures(),
      urlTtlMs: opts.urlTtlMs ?? DEFAULT_URL_TTL_MS,
      urlShape: opts.urlShape ?? 'array',
      estimatedTimeS,
      nextPollAfterS: opts.nextPollAfterS ?? DEFAULT_NEXT_POLL_AFTER_S,
      refreshLinksOnRequery: true,
    },
  };

  await fileHost.listen(opts.filePort ?? 0);
  const apiServer = await listenTracked(createApiHandler(deps), opts.port ?? 0).catch(async (err: unknown) => {
    await fileHost.close();
    throw err;
  });
  apiUrl = `http://127.0.0.1:${apiServer.port}`;
  let closing: Promise<void> | undefined;

  return {
    apiUrl,
    fileUrl: fileHost.url,
    stats,
    fault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    expireLinks: () => fileHost.expireAll(),
    setRefreshLinksOnRequery: (v) => {
      deps.view.refreshLinksOnRequery = v;
    },
    registerFile: (absPath) => fileHost.register(absPath),
    setModels: (list) => {
      models = [...list];
    },
    on: (event, cb) => events.on(event, cb),
    close: () => {
      closing ??= Promise.all([apiServer.close(), fileHost.close()]).then(() => uploadDir.remove());
      return closing;
    },
  };
}

/** The app's built-in demo provider: no key, no charge, jobs that take `durationMs` on `clock`. */
export function startDemoProvider(opts: { clock: FakeClock; durationMs: number }): Promise<FakeApimart> {
  return startFakeApimart({ apiKey: null, clock: opts.clock, progress: { mode: 'time', durationMs: opts.durationMs } });
}
