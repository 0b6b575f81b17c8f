import { existsSync } from 'node:fs';
import { JobStore } from '../core/jobs/job-store.js';
import { Money } from '../core/money/money.js';
import { PriceBook } from '../core/money/price-book.js';
import { systemClock } from '../core/ports.js';
import { readLibraryFolders } from '../services/library-folders.js';
import { capsFromSettings } from '../services/spending-caps.js';
import type { CliEnvironment } from './environment.js';
import { readCapSettings } from './settings-file.js';

/**
 * The money figures without the queue: for `keyframe spend` and `generate
 * --dry-run`, which may run beside an open Keyframe. Read-only: the ledger
 * is read (or, when missing or damaged, rebuilt in memory from the journal
 * and the sidecars) and never written, and no queue lock is taken.
 */
export async function openMoneyView(env: CliEnvironment): Promise<Money> {
  const prices = new PriceBook({ dataDir: env.dataDir, clock: systemClock });
  await prices.load();
  const caps = capsFromSettings(await readCapSettings(env.dataDir));
  const store = new JobStore(env.dataDir);
  // Loading creates the journal folder; a data folder that never held a job is left as it is.
  const jobs = existsSync(store.dir) ? (await store.loadAll(systemClock.now())).jobs : [];
  const dirs = await readLibraryFolders(env.dataDir, env.outputDir);
  const money = new Money({
    dataDir: env.dataDir,
    clock: systemClock,
    prices: () => prices.current(),
    caps: () => caps,
    jobs: () => jobs,
    sidecarDirs: () => dirs,
    readOnly: true,
  });
  await money.open();
  return money;
}
