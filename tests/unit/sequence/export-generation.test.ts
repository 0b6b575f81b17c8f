import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeMp4Provenance } from '../../../electron/core/library/mp4-provenance.js';
import { exportSequence } from '../../../electron/core/sequence/run-export.js';
import { generationOf } from '../../../electron/core/sequence/source-generation.js';
import { ExportSidecarSchema, type SequenceDocument } from '../../../shared/domain/sequence.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeSidecar } from '../library/make-sidecar.js';

/** The export's record names how each source was generated: from its sidecar, or from the MP4 itself when the sidecar is missing. */

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');
const PROVENANCE = { prompt: 'a harbour at dusk', model: 'veo3.1-fast-official', seed: 99, taskId: 'task_from_mp4', appVersion: '0.1.0' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-export-gen-'));
  // a.mp4: labelled on download, its sidecar lost. clip-2.mp4: a sidecar. c.mp4: neither.
  await copyFile(join(FIXTURES, 'clip-16x9-4s.mp4'), join(dir, 'a.mp4'));
  await writeMp4Provenance(join(dir, 'a.mp4'), PROVENANCE);
  await copyFile(join(FIXTURES, 'clip-16x9-6s.mp4'), join(dir, 'clip-2.mp4'));
  await writeFile(join(dir, 'clip-2.keyframe.json'), JSON.stringify(makeSidecar(2, { request: { prompt: 'a lighthouse', seed: 5 } })));
  await copyFile(join(FIXTURES, 'clip-16x9-8s.mp4'), join(dir, 'c.mp4'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('source generation in the export record', () => {
  it('reads the MP4’s own metadata when the sidecar is missing, the sidecar when there is one, nothing for a foreign clip', async () => {
    const document: SequenceDocument = { schema: 'keyframe.sequence/1', clips: [{ file: 'a.mp4', out: 1 }, { file: 'clip-2.mp4', out: 1 }, { file: 'c.mp4', out: 1 }] };
    const result = await exportSequence({ sequencePath: join(dir, 's.keyframe-sequence.json'), document, sequenceSha256: 'e'.repeat(64), out: join(dir, 's.mp4'), clock: new FakeClock(), appVersion: '1.0.0' });
    const record = ExportSidecarSchema.parse(JSON.parse(await readFile(join(dir, result.sidecarName), 'utf8')));
    expect(record.sources.map((s) => s.generation)).toEqual([
      { from: 'mp4', prompt: 'a harbour at dusk', model: 'veo3.1-fast-official', seed: 99, taskId: 'task_from_mp4' },
      { from: 'sidecar', prompt: 'a lighthouse', model: 'veo3.1-fast-official', seed: 5, taskId: 'task_2' },
      undefined,
    ]);
  });

  it('a sidecar of the same stem describing another file is not the clip’s: the MP4 is read instead', async () => {
    await writeFile(join(dir, 'a.keyframe.json'), JSON.stringify(makeSidecar(7, { sidecar: { file: 'other.mp4' } })));
    expect(await generationOf(join(dir, 'a.mp4'))).toMatchObject({ from: 'mp4', taskId: 'task_from_mp4' });
  });
});
