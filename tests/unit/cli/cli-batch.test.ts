import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { cli, type CliResult } from '../../support/cli-in-process.js';
import { tinyPng } from '../../support/queue-helpers.js';

/** `keyframe batch FILE` against the fake APIMart: every row checked before anything is sent. */
const KEY = 'sk-cli-batch-test-0123456789';
let fake: FakeApimart;
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-cli-batch-'));
  fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
});
afterEach(async () => {
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

const run = (argv: string[]): Promise<CliResult> => cli(argv, { apiKey: KEY, baseUrl: fake.apiUrl, dataDir: join(root, 'data'), outputDir: join(root, 'out') });
const write = async (name: string, text: string) => {
  const path = join(root, 'shots', name);
  await mkdir(join(root, 'shots'), { recursive: true });
  await writeFile(path, text);
  return path;
};
const files = (ext: string) => readdir(join(root, 'out')).then((n) => n.filter((f) => f.endsWith(ext)), () => []);

const GOOD = 'prompt,duration,seed,first_frame_image,label\na paper boat,4,1,start.png,open\n"a crane, folding",6,2,,middle\na kite over the dunes,4,3,https://example.com/kite.png,close\n';

describe('keyframe batch', () => {
  it('a CSV of 3 good rows creates 3 tasks and 3 videos, printing each path', async () => {
    const csv = await write('shots.csv', GOOD);
    await writeFile(join(root, 'shots', 'start.png'), tinyPng(3));
    const r = await run(['batch', csv, '--model', 'fast']);
    expect(r.code, r.stderr).toBe(0);
    expect(fake.stats.tasksCreated).toBe(3);
    const videos = await files('.mp4');
    expect(videos).toHaveLength(3);
    expect(r.stdout.trim().split('\n').sort()).toEqual(videos.map((v) => join(root, 'out', v)).sort());
    expect(r.stderr).toContain('3 of 3 finished');
    // The frame path is read relative to the CSV, uploaded once; the row's seed and the flag's model reach the provider.
    expect(fake.stats.uploads).toHaveLength(1);
    expect(fake.stats.submitBodies.map((b) => (b.body as { seed: number }).seed).sort()).toEqual([1, 2, 3]);
    const sidecars = await Promise.all((await files('.keyframe.json')).map(async (f) => JSON.parse(await readFile(join(root, 'out', f), 'utf8'))));
    expect(sidecars.map((s) => [s.batch.row, s.batch.label]).sort()).toEqual([
      [2, 'open'],
      [3, 'middle'],
      [4, 'close'],
    ]);
  });

  it('--dry-run creates nothing and prints each row’s estimate and the total', async () => {
    const csv = await write('shots.csv', GOOD.replace('start.png', ''));
    const r = await run(['batch', csv, '--dry-run', '--audio']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('row 2  ≈ $0.32');
    expect(r.stdout).toContain('row 3  ≈ $0.48');
    expect(r.stdout).toContain('3 job(s), 3 video(s); total ≈ $1.12');
    expect(fake.stats.apiRequests).toEqual([]);
    expect(await files('.mp4')).toEqual([]);

    const json = await run(['batch', csv, '--dry-run', '--json']);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-2)).toEqual({ event: 'total', jobs: 3, videos: 3, usd: 0.896, isEstimate: true });
    expect(lines.at(-1)).toEqual({ event: 'budget', provider: 'apimart', verdict: 'send', spentTodayUsd: 0, spentMonthUsd: 0, exceeded: [] });
    expect(fake.stats.apiRequests).toEqual([]);
  });

  it('--dry-run checks the total against the caps: past the daily cap it says so and exits 4, sending nothing', async () => {
    const csv = await write('shots.csv', GOOD.replace('start.png', ''));
    expect((await run(['budget', '--daily', '0.5'])).code).toBe(0);
    const r = await run(['batch', csv, '--dry-run']);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toContain('Today: $0.00 spent; with this batch $0.90 of the $0.50 daily cap (over the cap)');
    expect(r.stdout).toContain('would wait for your approval');
    expect(r.stdout).toContain('Dry run: nothing was sent.');
    expect(fake.stats.apiRequests).toEqual([]);

    const demo = await run(['batch', csv, '--dry-run', '--demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Demo provider: nothing is charged, and no cap applies.');
  });

  it('a bad row exits 2 with one line naming the row and the field, and nothing is sent', async () => {
    const csv = await write('shots.csv', 'prompt,duration\na paper boat,4\na crane,5\n,6\n');
    const r = await run(['batch', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['keyframe: row 3: duration: Duration must be 4, 6 or 8 seconds.', 'keyframe: row 4: prompt: Prompt is required: describe the video.']);
    expect(fake.stats.apiRequests).toEqual([]);
    expect(await readdir(join(root, 'data')).catch(() => [])).toEqual([]);

    const missingFrame = await write('frames.txt', 'a paper boat\n');
    const noFrame = await run(['batch', missingFrame, '--first-frame', join(root, 'nope.png')]);
    expect(noFrame.code).toBe(2);
    expect(noFrame.stderr).toMatch(/^keyframe: row 1: first_frame_image: /);
    expect(fake.stats.apiRequests).toEqual([]);
  });

  it('refuses a file that is not a batch', async () => {
    const r = await run(['batch', await write('shots.md', 'a boat\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.txt, .csv or .jsonl');
  });
});
