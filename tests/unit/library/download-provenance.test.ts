import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile, type DownloadOptions } from '../../../electron/core/library/downloader.js';
import { socketHttpGet } from '../../../electron/core/library/socket-http-get.js';
import { readMp4Provenance, type Mp4Provenance } from '../../../electron/core/library/mp4-provenance.js';
import { systemClock } from '../../../electron/core/ports.js';
import { plainMp4Tags } from '../../support/plain-mp4-tags.js';
import { RangeServer, fakeMp4 } from './range-server.js';

const FIXTURE = join(import.meta.dirname, '../../../electron/core/demo/fixtures/clip-16x9-8s.mp4');
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const PROVENANCE: Mp4Provenance = { prompt: 'a lighthouse at dawn', model: 'veo3.1-quality-official', seed: 7, taskId: 'task_1', appVersion: '0.1.0' };

let server: RangeServer;
let dir: string;
let dest: string;
beforeAll(async () => {
  server = await RangeServer.start(await readFile(FIXTURE));
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-dlp-'));
  dest = join(dir, 'clip.mp4');
  server.behaviour = {};
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const opts = (extra: Partial<DownloadOptions> = {}): DownloadOptions => ({ url: server.url, dest, httpGet: socketHttpGet, clock: systemClock, ...extra });

describe('provenance written on download', () => {
  it('labels the verified file before its rename; the result describes the final file on disk', async () => {
    const result = await downloadToFile(opts({ provenance: PROVENANCE }));
    const saved = await readFile(dest);
    // The length and hash the sidecar will record are the labelled file's, not the bytes received.
    expect(result).toEqual({ bytes: saved.length, sha256: sha(saved), resumed: false });
    expect(result.sha256).not.toBe(sha(server.body));
    // Read back three ways: the library's reader, a box walk by hand, and mediabunny.
    expect(await readMp4Provenance(dest)).toEqual(PROVENANCE);
    const plain = await plainMp4Tags(dest);
    expect(plain.get('\u00a9nam')).toBe(PROVENANCE.prompt);
    expect(plain.get('\u00a9too')).toBe('Keyframe 0.1.0');
    expect(JSON.parse(plain.get('\u00a9cmt') ?? '{}')).toEqual({ keyframe: 1, ...PROVENANCE });
    const input = new Input({ source: new FilePathSource(dest), formats: ALL_FORMATS });
    try {
      const tags = await input.getMetadataTags();
      expect(tags.title).toBe(PROVENANCE.prompt);
      expect(JSON.parse(tags.comment ?? '')).toEqual({ keyframe: 1, ...PROVENANCE });
      expect(await input.computeDuration()).toBeCloseTo(8, 2);
    } finally {
      input.dispose();
    }
    expect(await readdir(dir)).toEqual(['clip.mp4']);
  });

  it('without provenance the file is the bytes received', async () => {
    const result = await downloadToFile(opts());
    expect(result.sha256).toBe(sha(server.body));
    expect(await readMp4Provenance(dest)).toBeUndefined();
  });

  it('a file the writer cannot label is saved as received', async () => {
    const body = fakeMp4(64 * 1024);
    server.behaviour = { body };
    const result = await downloadToFile(opts({ provenance: PROVENANCE }));
    expect(result.sha256).toBe(sha(body));
    expect(sha(await readFile(dest))).toBe(sha(body));
  });
});
