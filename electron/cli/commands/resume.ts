import { parseArgs } from 'node:util';
import { isTerminal, type Job } from '../../../shared/domain/job.js';
import { JobStore } from '../../core/jobs/job-store.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import { fail, interruption, type CliIo } from '../io.js';
import { jsonReporter, textReporter } from '../reporter.js';
import { openRuntime } from '../runtime.js';
import { waitForJobs } from '../wait-for-jobs.js';
import { report } from './generate.js';
import { openLedger } from './generate-budget.js';

/** Continues every unfinished job in the journal (and retries those that needed attention). */
export async function resumeCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const json = values.json ?? false;
  // Peek at the journal first: demo jobs need the built-in demo provider running.
  const { jobs } = await new JobStore(env.dataDir).loadAll(Date.now());
  const pending = jobs.filter((j) => !isTerminal(j.state));
  const needsDemo = pending.some((j) => j.provider === 'demo');
  if (pending.some((j) => j.provider === 'apimart') && !env.apiKey) {
    fail(io, 'no API key: set APIMART_API_KEY to resume APIMart jobs');
    return EXIT.auth;
  }
  const rt = await openRuntime(env, { demo: needsDemo });
  const reporter = json ? jsonReporter((s) => io.stdout.write(s)) : textReporter(io.stderr, () => Date.now());
  const { interrupted, stop: stopListening } = interruption(io);
  try {
    const recovery = await rt.engine.queue.start();
    for (const c of recovery.corrupt) reporter.info(`A damaged job record was moved aside to ${c.movedTo} (${c.reason}).`);
    if (recovery.strayPartsRemoved.length) reporter.info(`Removed ${recovery.strayPartsRemoved.length} stray partial download(s).`);
    await rt.engine.library.load();
    await openLedger(rt.money, (m) => reporter.info(m));
    // Jobs held for a spending cap continue only if the caps now allow them (`keyframe budget`).
    await rt.engine.queue.releaseApprovals();
    for (const j of rt.engine.queue.list()) if (j.state === 'needs_attention') await rt.engine.queue.resumeJob(j.id);
    // A paused batch's jobs wait for the batch to be resumed (in the app): waiting on them here would never end.
    const ids = rt.engine.queue.list().filter((j) => !isTerminal(j.state) && !rt.engine.batches.isHeld(j)).map((j) => j.id);
    if (ids.length === 0) {
      reporter.info('Nothing to resume: every job has finished.');
      return EXIT.ok;
    }
    reporter.info(`Resuming ${ids.length} job(s).`);
    const outcome = await Promise.race([waitForJobs(rt.engine.queue, ids, (j) => reporter.job(j)), interrupted]);
    reporter.done();
    if (outcome === 'interrupted') {
      fail(io, 'interrupted: unfinished jobs stay saved; run `keyframe resume` again');
      return EXIT.interrupted;
    }
    return worstExit(outcome.map((j: Job) => report(j, io, json)));
  } finally {
    stopListening();
    await rt.close();
  }
}

/** The exit code of several jobs: ok only if all are; a job kept for the person wins over a failure. */
export function worstExit(codes: number[]): number {
  if (codes.every((c) => c === EXIT.ok)) return EXIT.ok;
  if (codes.includes(EXIT.attention)) return EXIT.attention;
  return codes.find((c) => c !== EXIT.ok) ?? EXIT.failed;
}
