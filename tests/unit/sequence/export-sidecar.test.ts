import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanLibrary } from '../../../electron/core/library/scanner.js';
import { exportSidecarNameFor, listExports, readExportSidecar } from '../../../electron/core/sequence/export-sidecar.js';
import { exportSequence } from '../../../electron/core/sequence/run-export.js';
import { FakeClock } from '../../support/fake-clock.js';

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-export-record-'));
  await copyFile(join(FIXTURES, 'clip-16x9-4s.mp4'), join(dir, 'a.mp4'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export records', () => {
  it('are listed from the library folders, beside video records the library reads as before', async () => {
    await exportSequence({
      sequencePath: join(dir, 'cut.keyframe-sequence.json'),
      document: { schema: 'keyframe.sequence/1', clips: [{ file: 'a.mp4', out: 2 }] },
      sequenceSha256: 'a'.repeat(64),
      out: join(dir, 'cut.mp4'),
      clock: new FakeClock(),
      appVersion: '1.2.3',
    });
    await writeFile(join(dir, 'broken.keyframe-export.json'), '{"schema":"keyframe.export/1"');
    const listed = await listExports([dir, join(dir, 'missing')]);
    expect(listed.map((e) => [e.sidecarName, e.sidecar.file, e.sidecar.method, e.sidecar.sources.map((s) => s.file)])).toEqual([
      ['cut.keyframe-export.json', 'cut.mp4', 'copy', ['a.mp4']],
    ]);
    expect(await readExportSidecar(join(dir, 'broken.keyframe-export.json'))).toBeUndefined();
    // The library's own scan (video sidecars, *.keyframe.json) neither lists an export record nor calls it damaged.
    expect(await scanLibrary([dir])).toEqual({ entries: [], corrupt: [] });
    expect(exportSidecarNameFor('Scene (2).MP4')).toBe('Scene (2).keyframe-export.json');
  });
});
