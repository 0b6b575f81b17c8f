import { join } from 'node:path';
import { AppFailure } from '../../shared/errors.js';
import type { Provider } from '../../shared/domain/job.js';
import { ApimartClient } from './apimart/client.js';
import { UploadCache } from './frames/upload-cache.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobStore } from './jobs/job-store.js';
import { LibraryIndex } from './library/library-index.js';
import { nodeHttpGet } from './library/node-http-get.js';
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
  language?: string;
}

export interface Engine {
  queue: JobQueue;
  library: LibraryIndex;
  clientFor(provider: Provider): ApimartClient;
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
    if (!demo) throw new AppFailure({ code: 'unavailable', retryable: true, message: 'The demo provider is not running; turn demo mode on to continue demo jobs.' });
    return demo;
  };
  const library = new LibraryIndex({ cachePath: join(opts.dataDir, 'library-index.json'), dirs: opts.libraryDirs, clock, log: logger });
  const queue = new JobQueue({
    store: new JobStore(opts.dataDir),
    dataDir: opts.dataDir,
    clientFor,
    fileGet: opts.httpGet ?? nodeHttpGet,
    uploads: new UploadCache(join(opts.dataDir, 'upload-cache.json')),
    library,
    clock,
    random: opts.random,
    logger,
    concurrency: opts.concurrency,
    appVersion: opts.appVersion,
    stallTimeoutMs: opts.stallTimeoutMs,
  });
  return { queue, library, clientFor };
}
