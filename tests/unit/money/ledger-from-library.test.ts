import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_PRICE_TABLE } from '../../../shared/domain/prices.js';
import { LibraryIndex } from '../../../electron/core/library/library-index.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import { Money } from '../../../electron/core/money/money.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeSidecar } from '../library/make-sidecar.js';

/**
 * A missing spending ledger is rebuilt from the library the app has already
 * loaded, not by reading and validating every sidecar a second time (seconds
 * and hundreds of megabytes at 100,000 takes), and only once the library's
 * check of its folders is done, so a take saved while the app was closed counts.
 */

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-ledger-lib-'));
  out = join(root, 'out');
  await mkdir(out);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function liveTake(n: number, usd: number): Promise<void> {
  const sc = makeSidecar(n, {
    sidecar: { provider: 'apimart', cost: { usd }, timings: { createdAt: 1_700_000_000_000 + n, submittedAt: 1_700_000_000_000 + n, savedAt: 1_700_000_000_500 + n } },
  });
  await writeFile(join(out, sc.file), 'video');
  await writeSidecar(out, sc);
}

describe('the spending ledger rebuilt from the library', () => {
  it('counts every live take the library lists after its check, without reading the folders itself', async () => {
    const clock = new FakeClock(1_700_000_100_000);
    const cachePath = join(root, 'data', 'library-index.json');
    await liveTake(1, 0.5);
    await liveTake(2, 0.25);
    await new LibraryIndex({ cachePath, dirs: [out], clock }).load();
    // Saved while the app was closed: only the library's check finds it.
    await liveTake(3, 1);

    const library = new LibraryIndex({ cachePath, dirs: [out], clock });
    const opened = await library.open();
    expect(opened.fromCache).toBe(true);
    // Were the folders read, nothing would be found there.
    const money = moneyOver(library, clock, join(root, 'nowhere'));
    expect(await money.open()).toMatchObject({ rebuilt: true });
    expect(money.summary().allTime.chargedUsd).toBeCloseTo(1.75, 6);
  });

  it('reads the folders when the library was never loaded', async () => {
    const clock = new FakeClock(1_700_000_100_000);
    await liveTake(1, 0.5);
    const library = new LibraryIndex({ cachePath: join(root, 'data', 'library-index.json'), dirs: [out], clock });
    const money = moneyOver(library, clock, out);
    await money.open();
    expect(money.summary().allTime.chargedUsd).toBeCloseTo(0.5, 6);
  });
});

/** The spending ledger over `library`, reading sidecars from `folder` only when the library was never loaded. */
function moneyOver(library: LibraryIndex, clock: FakeClock, folder: string): Money {
  return new Money({
    dataDir: join(root, 'data'),
    clock,
    prices: () => BUNDLED_PRICE_TABLE,
    caps: () => ({}),
    jobs: () => [],
    sidecarDirs: () => [folder],
    sidecars: () => library.settledSidecars(),
  });
}
