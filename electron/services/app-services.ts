import { basename } from 'node:path';
import { errorMessage } from '../../shared/error-messages.js';
import { createEngine, type Engine } from '../core/engine.js';
import { acquireQueueLock } from '../core/jobs/queue-lock.js';
import { PriceBook } from '../core/money/price-book.js';
import { systemClock, type RandomSource } from '../core/ports.js';
import { createRedactingLogger } from '../core/util/redact.js';
import { appHandlers } from './app.handlers.js';
import type { ServiceContext } from './context.js';
import { batchHandlers } from './batch.handlers.js';
import { balanceHandlers, costHandlers } from './cost.handlers.js';
import { fixedDemo, lazyDemo } from './demo-provider.js';
import { FrameStore } from './frame-store.js';
import { PosterStore } from './poster-store.js';
import { framesHandlers } from './frames.handlers.js';
import { historyHandlers } from './history.handlers.js';
import { jobsHandlers } from './jobs.handlers.js';
import { KeyRing } from './key-ring.js';
import { libraryHandlers } from './library.handlers.js';
import { readLibraryFolders } from './library-folders.js';
import { startLibraryWatch, type LibraryWatchOptions, type StartedWatch } from './library-watch.js';
import { resolveMedia } from './media.js';
import { libraryNotices, noticeText, startupNotices, wireServiceEvents } from './service-events.js';
import { sequenceHandlers } from './sequence.handlers.js';
import { SequenceExports } from './sequence-exports.js';
import { settingsHandlers } from './settings.handlers.js';
import { TrashBin } from './trash-bin.js';
import { spendHandlers } from './spend.handlers.js';
import { capsFromSettings } from './spending-caps.js';
import type { AppServices, Handlers, ServicePorts } from './types.js';

/**
 * The composition of everything behind the IPC contract, shared by the
 * Electron main process and the browser host. It takes the queue lock (one
 * driver per data folder: do not take it again in the shell), builds the one
 * engine, loads the library, resumes unfinished jobs and wires events.
 */

export interface AppServicesOptions {
  /** Deterministic jitter for tests. */
  random?: RandomSource;
  stallTimeoutMs?: number;
  /** How long a demo job takes (default 8 s). */
  demoDurationMs?: number;
  /** Watching the library folders for changes made outside the app (default on); false: only a restart sees them. */
  watchFolders?: boolean | LibraryWatchOptions;
}

/** The services plus the engine behind them, for tests that drive the queue with a fake clock. */
export interface OpenedServices {
  services: AppServices;
  engine: Engine;
}

export async function createAppServices(ports: ServicePorts, options: AppServicesOptions = {}): Promise<AppServices> {
  return (await openAppServices(ports, options)).services;
}

export async function openAppServices(ports: ServicePorts, options: AppServicesOptions = {}): Promise<OpenedServices> {
  const clock = ports.clock ?? systemClock;
  const keys = new KeyRing(ports.secrets);
  // The port's logger redacts too; this layer adds the keys it cannot know about.
  const logger = createRedactingLogger((l) => ports.logger.log(l.level, l.msg, l.fields), () => keys.secrets(), clock);
  const baseFetch = ports.fetch ?? globalThis.fetch.bind(globalThis);
  const release = await acquireQueueLock(ports.dataDir);
  const demo = ports.demoBaseUrl
    ? fixedDemo(ports.demoBaseUrl, baseFetch)
    : lazyDemo({ start: ports.startDemo, fetch: baseFetch, clock, logger, durationMs: options.demoDurationMs });
  let engine: Engine | undefined;
  let watching: StartedWatch | undefined;
  // The provider's public list, fetched with the plain fetch port (no key) when a URL is configured.
  const prices = new PriceBook({ dataDir: ports.dataDir, clock, fetch: baseFetch, ...(ports.priceListUrl ? { url: ports.priceListUrl } : {}), logger });
  try {
    await prices.load();
    const settings = ports.settings.get();
    engine = createEngine({
      dataDir: ports.dataDir,
      libraryDirs: await readLibraryFolders(ports.dataDir, settings.outputDir),
      apiKey: () => keys.get(),
      ...(ports.apiBaseUrl ? { baseUrl: ports.apiBaseUrl } : {}),
      demo: { baseUrl: demo.baseUrl },
      fetch: demo.fetch,
      clock,
      random: options.random,
      logger,
      concurrency: settings.concurrency,
      appVersion: ports.appVersion,
      stallTimeoutMs: options.stallTimeoutMs,
      // Read at each task query: a language changed in the settings applies without a restart.
      language: () => ports.settings.get().language,
      // Read at each check: a raised cap applies at once.
      money: { prices: () => prices.current(), caps: () => capsFromSettings(ports.settings.get()) },
    });
    const money = engine.money;
    if (!money) throw new Error('the engine was opened without its money options');
    const posters = new PosterStore(ports.dataDir);
    await posters.load();
    const trash = new TrashBin({ shell: ports.shell, clock, logger });
    const exports = new SequenceExports({ clock, logger, appVersion: ports.appVersion, mediaUrl: (id) => ports.mediaUrl('clip', id) });
    const ctx: ServiceContext = {
      ports,
      engine,
      clock,
      keys,
      frames: new FrameStore(ports.dataDir),
      posters,
      trash,
      logger,
      settings: () => ports.settings.get(),
      prices,
      money,
      exports,
    };
    // Subscribed before the queue starts, so the first steps of resumed jobs are seen too.
    const events = wireServiceEvents(ctx);
    // Library first: a resumed download that finishes adds to an index that is already loaded. From a
    // usable cache it answers at once; the check against the folders finishes in the background.
    const lib = await engine.library.open();
    void lib.checked.then(
      (report) => {
        for (const n of libraryNotices(report)) events.notice(n);
        ports.releaseMemory?.();
      },
      (err: unknown) => logger.log('warn', 'library folders could not be checked', { error: String(err) }),
    );
    await trash.sweep(engine.library.directories());
    if (options.watchFolders !== false) {
      const opened = engine;
      watching = await startLibraryWatch(
        { library: opened.library, clock, logger, notice: (n) => events.notice(n) },
        options.watchFolders === true || options.watchFolders === undefined ? {} : options.watchFolders,
      );
      ctx.libraryWatch = watching.watch;
    }
    const recovery = await engine.queue.start();
    if (recovery.strayPartsRemoved.length > 0) logger.log('info', 'removed stray partial downloads', { count: recovery.strayPartsRemoved.length });
    for (const n of startupNotices(recovery)) events.notice(n);
    const ledger = await money.open();
    if (ledger.movedTo) events.notice({ kind: 'warning', ...noticeText(errorMessage('notice.spending_rebuilt', { name: basename(ledger.movedTo) })) });
    // Caps may have been raised while Keyframe was closed (`keyframe budget`): held jobs that fit continue.
    await engine.queue.releaseApprovals();
    if (ports.priceListUrl) void prices.start();

    const handlers: Handlers = {
      jobs: jobsHandlers(ctx),
      library: libraryHandlers(ctx),
      frames: framesHandlers(ctx),
      settings: settingsHandlers(ctx),
      app: appHandlers(ctx),
      cost: costHandlers(ctx),
      balance: balanceHandlers(ctx),
      batch: batchHandlers(ctx),
      history: historyHandlers(ctx),
      spend: spendHandlers(ctx),
      sequence: sequenceHandlers(ctx),
    };
    const opened = engine;
    let closing: Promise<void> | undefined;
    const services: AppServices = {
      handlers,
      onEvent: (cb) => events.subscribe(cb),
      resolveMedia: (kind, id) => resolveMedia(ctx, kind, id),
      pollNow: () => opened.queue.pollNow(),
      setSuspended: (suspended) => opened.queue.setSuspended(suspended),
      close: () =>
        (closing ??= (async () => {
          // Watchers first: nothing may index a file while the rest shuts down.
          await watching?.close();
          events.close();
          prices.close();
          // Running exports stop and their partial files go: an export is redone, never resumed.
          await exports.close();
          // The queue first: it aborts demo requests in flight before the demo server goes.
          await opened.queue.close();
          // Clips still inside their undo window go to the trash for good: the window closes with the app.
          await trash.close();
          await money.close();
          await opened.library.flush();
          await opened.history.flush();
          await demo.close();
          await release();
        })()),
    };
    return { services, engine };
  } catch (err) {
    prices.close();
    await watching?.close().catch(() => undefined);
    await engine?.queue.close().catch(() => undefined);
    await demo.close();
    await release();
    throw err;
  }
}
