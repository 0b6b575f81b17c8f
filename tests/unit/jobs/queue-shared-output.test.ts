import { readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationRequestInput } from '../../../shared/domain/generation.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { expectSavedVideos } from '../../support/queue-helpers.js';

/**
 * Two data folders (say the desktop app and a CLI with its own data folder)
 * writing into one output folder: each start cleans up only what its own
 * journal abandoned.
 */

let a: Harness;
let b: Harness;
const opened: Harness[] = [];
const harness = async () => {
  const h = await createHarness();
  opened.push(h);
  return h;
};
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

const partsIn = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.part')).sort();
/** Submits on `h` into `outDir` (the other harness's output folder). */
const submitInto = (h: Harness, outDir: string, req: GenerationRequestInput, nameTemplate = '{prompt}_{id}') =>
  h.engine.queue.submit(req, { provider: 'apimart', outputDir: outDir, nameTemplate });
const partOf = (h: Harness, id: string) => `${h.job(id).outputs[0]?.fileName}.part`;
const downloadingAfterAFailure = (h: Harness, id: string) => () => h.job(id).state === 'downloading' && h.job(id).attempts > 0;

describe('an output folder shared by two data folders', () => {
  it("B's start leaves A's running .part alone and still removes the .part B itself abandoned", async () => {
    a = await harness();
    b = await harness();
    const shared = a.outDir;
    a.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const running = await a.submit({ prompt: 'folder A, downloading' });
    await a.drive(downloadingAfterAFailure(a, running.id));
    const runningPart = partOf(a, running.id);

    b.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 4000 });
    const abandoned = await submitInto(b, shared, { prompt: 'folder B, stopped mid-download' });
    await b.drive(downloadingAfterAFailure(b, abandoned.id));
    const abandonedPart = partOf(b, abandoned.id);
    await b.engine.queue.stop(abandoned.id);
    expect(await partsIn(shared)).toEqual([abandonedPart, runningPart].sort());

    const report = await b.restart();
    expect(report.strayPartsRemoved).toEqual([abandonedPart]);
    expect(await partsIn(shared)).toEqual([runningPart]);
    expect((await stat(join(shared, runningPart))).size).toBe(5000);

    await a.drive(finished(a, running.id));
    await expectSavedVideos(a, running.id);
  });

  it("a file name B gave up is cleaned once: A's later download under that same name survives B's next start", async () => {
    a = await harness();
    b = await harness();
    const shared = a.outDir;
    const sameName: GenerationRequestInput = { prompt: 'the same prompt in both folders' };
    b.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 4000 });
    const gaveUp = await submitInto(b, shared, sameName, '{prompt}');
    await b.drive(downloadingAfterAFailure(b, gaveUp.id));
    await b.engine.queue.stop(gaveUp.id);
    expect((await b.restart()).strayPartsRemoved).toEqual([partOf(b, gaveUp.id)]);

    // The name is free again, so A's job takes it.
    a.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 6000 });
    const taker = await submitInto(a, shared, sameName, '{prompt}');
    await a.drive(downloadingAfterAFailure(a, taker.id));
    expect(partOf(a, taker.id)).toBe(partOf(b, gaveUp.id));

    expect((await b.restart()).strayPartsRemoved).toEqual([]);
    expect(await partsIn(shared)).toEqual([partOf(a, taker.id)]);
    expect((await stat(join(shared, partOf(a, taker.id)))).size).toBe(6000);
    await a.drive(finished(a, taker.id));
    await expectSavedVideos(a, taker.id);
  });

  it('a .part under the name of an ended job that never received a byte is not that job’s, and is kept', async () => {
    a = await harness();
    b = await harness();
    const shared = a.outDir;
    b.fake.fault({ route: 'file', kind: 'status', status: 503 });
    const ended = await submitInto(b, shared, { prompt: 'stopped before its first byte' });
    await b.drive(downloadingAfterAFailure(b, ended.id));
    expect(b.job(ended.id).outputs[0]?.bytesDone).toBe(0);
    await b.engine.queue.stop(ended.id);
    // Another folder's download under that name (as if it had allocated it meanwhile).
    await writeFile(join(shared, partOf(b, ended.id)), Buffer.alloc(777));

    expect((await b.restart()).strayPartsRemoved).toEqual([]);
    expect(await partsIn(shared)).toEqual([partOf(b, ended.id)]);
  });

  it('the parts of an ended job whose folder is missing (an unplugged drive) are removed once the folder is back', async () => {
    b = await harness();
    const drive = join(b.outDir, '..', 'removable');
    b.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 4000 });
    const ended = await submitInto(b, drive, { prompt: 'stopped, then the drive was unplugged' });
    await b.drive(downloadingAfterAFailure(b, ended.id));
    await b.engine.queue.stop(ended.id);
    await rename(drive, `${drive}-unplugged`);
    expect((await b.restart()).strayPartsRemoved).toEqual([]);
    await rename(`${drive}-unplugged`, drive);
    expect((await b.restart()).strayPartsRemoved).toEqual([partOf(b, ended.id)]);
    expect(await partsIn(drive)).toEqual([]);
  });
});
