/**
 * 200 jobs in flight against the fake APIMart (in its own process): the
 * engine's CPU while it waits between polls, as a share of one core, beside
 * an idle Node process measured over the same window in this run.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../electron/core/engine.js';
import { row } from './support/report.js';
import { spawnFakeHost } from './support/spawn-host.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 200);
// Long enough to hold several polls of every job (the poll budget spaces 200 jobs ~40 s apart).
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 90_000);

/** CPU of an idle Node process (a timer keeping it alive) over the same window. */
function idleBaseline(): Promise<number> {
  const child = fork(fileURLToPath(new URL('./support/idle-process.ts', import.meta.url)), [String(WINDOW_MS)], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve) => child.once('message', (m) => resolve(Number(m))));
}

const host = await spawnFakeHost([]);
const root = await mkdtemp(join(tmpdir(), 'keyframe-bench-jobs-'));
let requests = 0;
const engine = createEngine({
  dataDir: join(root, 'data'),
  libraryDirs: [join(root, 'out')],
  apiKey: async () => 'sk-bench-key-000000',
  baseUrl: host.apiUrl,
  fetch: (url, init) => {
    requests++;
    return fetch(url, init);
  },
  concurrency: JOBS,
  appVersion: 'bench',
});
try {
  await engine.queue.start();
  const ids: string[] = [];
  for (let i = 0; i < JOBS; i++) {
    const job = await engine.queue.submit({ prompt: `bench job ${i}` }, { provider: 'apimart', outputDir: join(root, 'out'), nameTemplate: '{id}' });
    ids.push(job.id);
  }
  await new Promise<void>((resolve) => {
    const check = () => ids.every((id) => engine.queue.get(id)?.state === 'generating') && (off(), resolve());
    const off = engine.queue.onJob(check);
    check();
  });
  // Let the first burst of polls pass so the window sees the scheduler's steady rhythm.
  await new Promise((r) => setTimeout(r, 3_000));
  const baseline = idleBaseline();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const req0 = requests;
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const used = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const polls = requests - req0;
  const share = ((used.user + used.system) / 1000 / wall) * 100;
  const idle = await baseline;
  const perPollMs = polls > 0 ? (used.user + used.system) / 1000 / polls : 0;
  console.log(`\n${JOBS} jobs generating; ${polls} polls in a ${(wall / 1000).toFixed(0)} s window (${(polls / (wall / 1000)).toFixed(1)}/s, fake host in its own process)`);
  row('engine CPU, share of one core', `${share.toFixed(2)} %`, `${idle.toFixed(2)} %`, share / Math.max(idle, 0.01), '< 2 %', share < 2);
  console.log(`      CPU per poll (request + parse + state update): ${perPollMs.toFixed(2)} ms`);
} finally {
  await engine.queue.close();
  await host.stop();
  await rm(root, { recursive: true, force: true });
}
