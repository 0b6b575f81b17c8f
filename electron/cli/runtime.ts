import { join } from 'node:path';
import { createEngine, type Engine } from '../core/engine.js';
import { startFakeApimart, type FakeApimart } from '../core/demo/fake-apimart.js';
import { acquireQueueLock } from '../core/jobs/queue-lock.js';
import type { Money } from '../core/money/money.js';
import { PriceBook } from '../core/money/price-book.js';
import type { Logger } from '../core/ports.js';
import { systemClock } from '../core/ports.js';
import { fileLogSink } from '../core/util/file-log.js';
import { createRedactingLogger } from '../core/util/redact.js';
import { capsFromSettings } from '../services/spending-caps.js';
import type { CliEnvironment } from './environment.js';
import { readCapSettings } from './settings-file.js';

/**
 * The CLI's composition root: what a command runs on (the engine, the built-in
 * demo provider) is wired here, and only here does the CLI reach electron/core/demo.
 */

/** Demo jobs take this long on the built-in provider: long enough to watch, short enough to wait for. */
export const DEMO_JOB_MS = 6_000;

export interface Runtime {
  engine: Engine;
  /** The engine's estimates, ledger and caps (the CLI always opens the engine with them). */
  money: Money;
  logger: Logger;
  demo?: FakeApimart;
  close(): Promise<void>;
}

export function createCliLogger(env: CliEnvironment): Logger {
  const sink = fileLogSink(join(env.dataDir, 'logs', 'keyframe.log'));
  return createRedactingLogger(sink, () => (env.apiKey ? [env.apiKey] : []), systemClock);
}

/** The built-in demo provider on 127.0.0.1: no key, no charge; jobs take `durationMs` when given. */
export function startDemoProvider(opts: { durationMs?: number } = {}): Promise<FakeApimart> {
  return startFakeApimart({ apiKey: null, ...(opts.durationMs !== undefined ? { progress: { mode: 'time', durationMs: opts.durationMs } } : {}) });
}

/** `keyframe demo-server`: runs the demo provider until Ctrl-C. */
export { main as runDemoServer } from '../core/demo/run-demo-server.js';

/**
 * Opens the engine for one CLI command: takes the queue lock (one driver per
 * data folder), starts the built-in demo provider when asked, and wires the
 * key from the environment. The caps are the app's (read from its settings
 * file once: a command is short); the prices are the list the app last
 * fetched, else the bundled table.
 */
export async function openRuntime(env: CliEnvironment, opts: { demo: boolean; concurrency?: number }): Promise<Runtime> {
  const release = await acquireQueueLock(env.dataDir);
  const logger = createCliLogger(env);
  let demo: FakeApimart | undefined;
  try {
    if (opts.demo) demo = await startDemoProvider({ durationMs: DEMO_JOB_MS });
    const prices = new PriceBook({ dataDir: env.dataDir, clock: systemClock, logger });
    await prices.load();
    const caps = capsFromSettings(await readCapSettings(env.dataDir));
    const engine = createEngine({
      dataDir: env.dataDir,
      libraryDirs: [env.outputDir],
      apiKey: async () => env.apiKey,
      baseUrl: env.baseUrl,
      ...(demo ? { demo: { baseUrl: demo.apiUrl } } : {}),
      logger,
      appVersion: env.appVersion,
      concurrency: opts.concurrency,
      money: { prices: () => prices.current(), caps: () => caps },
    });
    const money = engine.money;
    if (!money) throw new Error('the engine was opened without its money options');
    return {
      engine,
      money,
      logger,
      demo,
      async close() {
        await engine.queue.close();
        await money.close();
        await engine.library.flush();
        await engine.history.flush();
        await demo?.close();
        await release();
      },
    };
  } catch (err) {
    await demo?.close();
    await release();
    throw err;
  }
}
