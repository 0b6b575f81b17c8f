import { join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import type { Provider } from '../../shared/domain/job.js';
import type { PriceTable } from '../../shared/domain/prices.js';
import { ApimartClient } from './apimart/client.js';
import { Batches } from './batch/batches.js';
import { BatchStore } from './batch/batch-store.js';
import { ModelAccess } from './apimart/model-access.js';
import { UploadCache } from './frames/upload-cache.js';
import { PromptHistory } from './history/prompt-history.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobStore } from './jobs/job-store.js';
import { LibraryIndex } from './library/library-index.js';
import type { BudgetCaps } from './money/budget.js';
import type { Calendar } from './money/calendar.js';
import { Money } from './money/money.js';
import { socketHttpGet } from './library/socket-http-get.js';
import type { ApiKeyProvider, Clock, FetchLike, HttpGet, Logger, RandomSource } from './ports.js';
import { systemClock, silentLogger } from './ports.js';

export const DEFAULT_API_BASE = 'https://api.apimart.ai';

export interface EngineOptions {
  dataDir: string;
  /** Folders whose sidecars make up the library (the output folder and any older ones). */
  libraryDirs: string[];
  apiKey: ApiKeyProvider;
  baseUrl?: string;
  /** Where the built-in demo provider listens, when it is running. */
  demo?: { baseUrl: string };
  /** API requests. */
  fetch?: FetchLike;
  /** Result file downloads (default: node:http/https, which streams a large file faster than fetch). */
  httpGet?: HttpGet;
  clock?: Clock;
  random?: RandomSource;
  logger?: Logger;
  concurrency?: number;
  appVersion: string;
  stallTimeoutMs?: number;
  /** The person's language, read at every task query (see ApimartClientOptions.language). */
  language?: () => string | undefined;
  /** Estimates, the spending ledger and the caps (core/money); without it no job is checked or recorded. */
  money?: EngineMoneyOptions;
}

export interface EngineMoneyOptions {
  /** The price table in use, read at every estimate. */
  prices: () => PriceTable;
  /** The caps, read at every check. */
  caps: () => BudgetCaps;
  calendar?: Calendar;
  maxLedgerEntries?: number;
}

export interface Engine {
  queue: JobQueue;
  library: LibraryIndex;
  batches: Batches;
  history: PromptHistory;
  /** Present when the engine was opened with money options; call `money.open()` once the queue started. */
  money?: Money;
  clientFor(provider: Provider): ApimartClient;
  /** Resolves when the provider's key may use `model` (the check the queue runs before a first submit). */
  checkModel(provider: Provider, model: string): Promise<void>;
}

/**
 * The one composition of the core, shared by the CLI, the browser host and the
 * Electron main process: they differ only in the ports they pass in.
 */
export function createEngine(opts: EngineOptions): Engine {
  const fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const real = new ApimartClient({
    fetch: fetchImpl,
    baseUrl: opts.baseUrl ?? DEFAULT_API_BASE,
    apiKey: opts.apiKey,
    clock,
    logger,
    language: opts.language,
  });
  // The demo provider needs no key and charges nothing; it never sees the real key.
  const demo = opts.demo
    ? new ApimartClient({ fetch: fetchImpl, baseUrl: opts.demo.baseUrl, apiKey: async () => 'demo', keyIsSecret: false, clock, logger, language: opts.language })
    : undefined;
  const clientFor = (provider: Provider): ApimartClient => {
    if (provider === 'apimart') return real;
    if (!demo) throw appFailure('unavailable', errorMessage('demo.not_running'), { retryable: true });
    return demo;
  };
  const modelAccess = new ModelAccess({ cachePath: join(opts.dataDir, 'model-check-cache.json'), clock, logger });
  const library = new LibraryIndex({ cachePath: join(opts.dataDir, 'library-index.json'), dirs: opts.libraryDirs, clock, log: logger });
  const history = new PromptHistory(join(opts.dataDir, 'prompt-history.json'), logger);
  // The queue holds a paused batch's jobs, and the batches queue through it: the batches
  // reach the queue only once it is built (their first call is the queue's own start()).
  const batches: Batches = new Batches({ store: new BatchStore(opts.dataDir, logger), queue: () => queue, clock, logger });
  // The ledger reads the queue's jobs (to rebuild and reconcile), and the queue asks the ledger before a job starts.
  let queueOfMoney: JobQueue | undefined;
  const money = opts.money
    ? new Money({
        dataDir: opts.dataDir,
        clock,
        logger,
        prices: opts.money.prices,
        caps: opts.money.caps,
        ...(opts.money.calendar ? { calendar: opts.money.calendar } : {}),
        ...(opts.money.maxLedgerEntries === undefined ? {} : { maxLedgerEntries: opts.money.maxLedgerEntries }),
        jobs: () => queueOfMoney?.list() ?? [],
        sidecarDirs: () => library.directories(),
        sidecars: () => library.settledSidecars(),
      })
    : undefined;
  const queue: JobQueue = new JobQueue({
    store: new JobStore(opts.dataDir),
    dataDir: opts.dataDir,
    clientFor,
    fileGet: opts.httpGet ?? socketHttpGet,
    uploads: new UploadCache(join(opts.dataDir, 'upload-cache.json')),
    library,
    clock,
    random: opts.random,
    logger,
    concurrency: opts.concurrency,
    appVersion: opts.appVersion,
    stallTimeoutMs: opts.stallTimeoutMs,
    holds: batches,
    submitted: (job) => history.record(job.request, job.createdAt),
    modelAccess,
    ...(money ? { budget: money } : {}),
  });
  if (money) {
    queueOfMoney = queue;
    // Every change of every job reaches the ledger: estimates at submit, charges at completion.
    queue.onJob((job) => money.observe(job));
  }
  return {
    queue,
    library,
    batches,
    history,
    clientFor,
    checkModel: (provider, model) => modelAccess.ensure(clientFor(provider), model),
    ...(money ? { money } : {}),
  };
}
