import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { SEED_MAX } from '../../../shared/domain/generation.js';
import { cli } from '../../support/cli-in-process.js';

/** `keyframe generate` without a seed, or with `--seed random`: a seed is drawn, sent and recorded. */

const KEY = 'sk-cli-seed-7a7a7a7a';
let fake: FakeApimart;
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-cli-seed-'));
  fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
});
afterEach(async () => {
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

async function sidecarSeeds(): Promise<unknown[]> {
  const out = join(root, 'out');
  const names = (await readdir(out)).filter((n) => n.endsWith('.keyframe.json')).sort();
  return Promise.all(names.map(async (n) => (JSON.parse(await readFile(join(out, n), 'utf8')) as { seed?: unknown }).seed));
}

describe('keyframe generate and the seed', () => {
  it.each([[[] as string[]], [['--seed', 'random']]])('%j: the submitted body and the sidecar carry the same drawn seed', async (flags) => {
    const run = await cli(['generate', 'a reproducible kite', ...flags, '--json'], { apiKey: KEY, baseUrl: fake.apiUrl, dataDir: join(root, 'data'), outputDir: join(root, 'out') });
    expect(run.code, run.stderr).toBe(0);
    const sent = (fake.stats.submitBodies[0]?.body as { seed?: unknown }).seed;
    expect(Number.isInteger(sent) && (sent as number) >= 0 && (sent as number) <= SEED_MAX).toBe(true);
    expect(await sidecarSeeds()).toEqual([sent]);
  });
});
