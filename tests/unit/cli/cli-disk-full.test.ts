import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { report } from '../../../electron/cli/commands/generate.js';
import { EXIT, exitCodeFor } from '../../../electron/cli/exit-codes.js';
import type { CliIo } from '../../../electron/cli/io.js';
import { runCli } from '../../../electron/cli/main.js';
import { diskFullError } from '../../../electron/core/util/fs-errors.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { Job } from '../../../shared/domain/job.js';
import { allFiles } from '../../support/queue-helpers.js';
import { mountSmallDisk, tmpfsSupport, type SmallDisk } from '../../support/full-disk.js';

function capture(): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    onInterrupt: () => () => undefined,
    out: () => stdout,
    err: () => stderr,
  };
}

const NOW = Date.UTC(2026, 0, 1);

/** A demo job waiting for disk space since before its first step. */
const waitingJob = (outputDir: string): Job => ({
  schema: 'keyframe.job/1',
  id: 'c0ffee00-0000-4000-8000-000000000001',
  provider: 'demo',
  createdAt: NOW,
  updatedAt: NOW,
  state: 'needs_attention',
  attentionFrom: 'queued',
  error: diskFullError('data', 'ENOSPC'),
  request: GenerationRequestSchema.parse({ prompt: 'a paper boat' }),
  idempotencyKey: 'keyframe-0d9c7a52-3f1e-4b6a-9a51-1c2d3e4f5a6b',
  frames: [],
  outputDir,
  nameTemplate: '{prompt}',
  requestIds: [],
  outputs: [],
  linkRefreshed: false,
  attempts: 1,
  polls: 0,
  parked: false,
  appVersion: '9.9.9',
});

describe('keyframe CLI and a full disk', () => {
  it('disk_full exits 5 (needs attention), like any job kept for the person', () => {
    expect(exitCodeFor('disk_full')).toBe(EXIT.attention);
    expect(EXIT.attention).toBe(5);
  });

  it('a job waiting for space is reported as the disk being full, with `keyframe resume` as the way on', () => {
    const io = capture();
    expect(report(waitingJob('/videos'), io, false)).toBe(EXIT.attention);
    expect(io.err()).toContain('The disk is full (the disk of Keyframe’s data folder): free some space.');
    expect(io.err()).toContain('keyframe resume');
    // The command exits: it must not promise to carry on by itself.
    expect(io.err()).not.toMatch(/continues by itself/);
  });
});

const support = await tmpfsSupport();

describe.skipIf(!support.ok)(`keyframe CLI on a real full disk${support.ok ? '' : ` (skipped: ${support.reason})`}`, () => {
  let disk: SmallDisk | undefined;
  afterEach(async () => {
    await disk?.release();
    disk = undefined;
  });

  it('a command that cannot even take the queue lock says the disk is full and exits 5', async () => {
    disk = await mountSmallDisk(256 * 1024);
    const dataDir = join(disk.dir, 'data');
    await mkdir(dataDir);
    await disk.fill();
    const io = capture();
    const code = await runCli(['generate', '--demo', 'a paper boat'], io, { dataDir, outputDir: join(disk.dir, 'out'), appVersion: '9.9.9' });
    expect(code).toBe(EXIT.attention);
    expect(io.err()).toMatch(/^keyframe: The disk is full: free some space, then try again\.\n$/);
  });

  it('`keyframe resume` while the data disk is still full: exit 5, the job stays as it was, no temp file', async () => {
    disk = await mountSmallDisk(256 * 1024);
    const dataDir = join(disk.dir, 'data');
    const job = waitingJob(join(disk.dir, 'out'));
    await mkdir(join(dataDir, 'jobs'), { recursive: true });
    const entry = join(dataDir, 'jobs', `${job.id}.json`);
    await writeFile(entry, JSON.stringify(job));
    // Room for the queue lock (one page), none for the journal.
    await disk.leaveFree(4096);
    const io = capture();
    const code = await runCli(['resume'], io, { dataDir, outputDir: join(disk.dir, 'out'), appVersion: '9.9.9' });
    expect(code).toBe(EXIT.attention);
    expect(io.err()).toMatch(/The disk is full \(the disk of Keyframe’s data folder\): free some space, then try again\./);
    expect(JSON.parse(await readFile(entry, 'utf8'))).toMatchObject({ state: 'needs_attention', error: { code: 'disk_full' } });
    expect((await allFiles(disk.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(dataDir)).not.toContain('queue.lock');
  });
});
