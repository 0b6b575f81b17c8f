import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { runCliProcess } from '../../support/cli-process.js';

/**
 * A real `keyframe` process killed with SIGKILL (no chance to clean up) in the
 * middle of a job; `keyframe resume` must finish it with exactly one task on
 * the provider and exactly one valid video on disk.
 */
const KEY = 'sk-cli-crash-test-0123456789';
let fake: FakeApimart;
let root: string;
let env: Record<string, string>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-cli-'));
  env = {
    APIMART_API_KEY: KEY,
    KEYFRAME_DATA_DIR: join(root, 'data'),
    KEYFRAME_OUTPUT_DIR: join(root, 'out'),
  };
});
afterEach(async () => {
  await fake?.close();
  await rm(root, { recursive: true, force: true });
});

async function assertOneValidVideo(): Promise<void> {
  const files = await readdir(join(root, 'out'));
  const videos = files.filter((f) => f.endsWith('.mp4'));
  expect(videos).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
  const bytes = await readFile(join(root, 'out', videos[0]!));
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  const sidecar = JSON.parse(await readFile(join(root, 'out', videos[0]!.replace(/\.mp4$/, '.keyframe.json')), 'utf8'));
  expect(sidecar.bytes).toBe(bytes.length);
  expect(fake.stats.tasksCreated).toBe(1);
}

async function resumeToDone(): Promise<void> {
  const resume = runCliProcess(['resume', '--json'], { ...env, APIMART_BASE_URL: fake.apiUrl });
  const { code } = await resume.exit;
  expect(resume.stderr()).not.toContain(KEY);
  expect(code, resume.stderr()).toBe(0);
  expect(resume.lines.map((l) => JSON.parse(l)).some((e) => e.state === 'done')).toBe(true);
}

describe('CLI killed with SIGKILL, then `keyframe resume`', () => {
  it('mid-poll: resumes polling the same task', async () => {
    fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 2 } });
    const firstPoll = new Promise<void>((res) => fake.on('request', (r) => r.path.startsWith('/v1/tasks/') && res()));
    const gen = runCliProcess(['generate', 'a crane folding itself from paper', '--json'], { ...env, APIMART_BASE_URL: fake.apiUrl });
    await firstPoll;
    gen.child.kill('SIGKILL');
    expect((await gen.exit).signal).toBe('SIGKILL');
    expect(fake.stats.tasksCreated).toBe(1);

    await resumeToDone();
    await assertOneValidVideo();
    expect(fake.stats.submits).toBe(1);
  });

  it('mid-download: a stalled transfer is abandoned by the kill and finished by resume', async () => {
    fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
    fake.fault({ route: 'file', kind: 'stall', afterBytes: 5000 });
    const stalled = new Promise<void>((res) => fake.on('stalled', () => res()));
    const gen = runCliProcess(['generate', 'a tram crossing a bridge at night', '--json'], { ...env, APIMART_BASE_URL: fake.apiUrl });
    await gen.waitForLine((l) => l.includes('"state":"downloading"'));
    await stalled;
    gen.child.kill('SIGKILL');
    await gen.exit;

    await resumeToDone();
    await assertOneValidVideo();
  });

  it('mid-submit: a POST accepted but never answered is replayed with the same key', async () => {
    fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
    fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const created = new Promise<void>((res) => fake.on('task-created', () => res()));
    const gen = runCliProcess(['generate', 'waves folding over a reef', '--json'], { ...env, APIMART_BASE_URL: fake.apiUrl });
    await created;
    gen.child.kill('SIGKILL');
    await gen.exit;

    await resumeToDone();
    await assertOneValidVideo();
    const keys = new Set(fake.stats.submitBodies.map((s) => s.idempotencyKey));
    expect(keys.size).toBe(1);
  });
});
