import { join } from 'node:path';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import type { Job } from '../../../shared/domain/job.js';
import { DEFAULT_NAME_TEMPLATE, validateTemplate } from '../../core/library/file-naming.js';
import { noteBalance } from '../balance-check.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { parseGenerateArgs, UsageError } from '../generate-args.js';
import { describeAppError, fail, interruption, type CliIo } from '../io.js';
import { jsonReporter, textReporter } from '../reporter.js';
import { openRuntime } from '../runtime.js';
import { dryRun, openLedger, refuseWith } from './generate-budget.js';
import { waitForJobs } from '../wait-for-jobs.js';

export async function generateCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  let args;
  try {
    // The request is checked here, before any setup, so bad input costs nothing and names the field.
    args = parseGenerateArgs(argv);
    if (args.nameTemplate) {
      const t = validateTemplate(args.nameTemplate);
      if (!t.ok) throw new UsageError(`name: ${t.message}`);
    }
  } catch (err) {
    if (err instanceof UsageError) return fail(io, err.message), EXIT.usage;
    if (isAppFailure(err)) return fail(io, describeAppError(err.app)), EXIT.usage;
    throw err;
  }
  if (args.dryRun) return dryRun(args, env, io);
  if (!args.demo && !env.apiKey) {
    fail(io, 'no API key: set APIMART_API_KEY, or try the built-in demo provider with --demo (no key, no charge)');
    return EXIT.auth;
  }
  const rt = await openRuntime(env, { demo: args.demo });
  const reporter = args.json ? jsonReporter((s) => io.stdout.write(s)) : textReporter(io.stderr, () => Date.now());
  const { interrupted, stop: stopListening } = interruption(io);
  try {
    const recovery = await rt.engine.queue.start();
    for (const c of recovery.corrupt) reporter.info(`A damaged job record was moved aside to ${c.movedTo} (${c.reason}).`);
    await rt.engine.library.load();
    await openLedger(rt.money, (m) => reporter.info(m));
    await rt.engine.queue.releaseApprovals();
    if (!args.demo) {
      // Over a cap or the balance: refused here, before a job exists (nothing is journaled or sent).
      await noteBalance(rt.money, () => rt.engine.clientFor('apimart').balance());
      const preview = await rt.money.preview(args.request, 'apimart');
      if (preview.verdict.kind !== 'send') return refuseWith(preview, io, args.json);
    }
    let job: Job;
    try {
      job = await rt.engine.queue.submit(args.request, {
        provider: args.demo ? 'demo' : 'apimart',
        outputDir: args.outDir ?? env.outputDir,
        nameTemplate: args.nameTemplate ?? DEFAULT_NAME_TEMPLATE,
      });
    } catch (err) {
      if (isAppFailure(err)) return fail(io, describeAppError(err.app)), exitCodeFor(err.app.code);
      throw err;
    }
    if (!args.json) reporter.info(`Job ${job.id.slice(0, 8)} queued${args.demo ? ' on the demo provider (no charge)' : ''}.`);
    else reporter.job(job);
    const outcome = await Promise.race([waitForJobs(rt.engine.queue, [job.id], (j) => reporter.job(j)), interrupted]);
    reporter.done();
    const final = outcome === 'interrupted' ? undefined : outcome[0];
    if (!final) {
      fail(io, 'interrupted: the job is saved; run `keyframe resume` to continue it');
      return EXIT.interrupted;
    }
    return report(final, io, args.json);
  } finally {
    stopListening();
    await rt.close();
  }
}

export function report(job: Job, io: CliIo, json: boolean): number {
  if (job.state === 'done') {
    if (!json) {
      for (const o of job.outputs) io.stdout.write(`${join(job.outputDir, o.fileName)}\n`);
      if (job.costUsd !== undefined) {
        io.stderr.write(job.provider === 'demo' ? `Demo provider: nothing charged (a real job would cost about $${job.costUsd.toFixed(2)}).\n` : `Charged: $${job.costUsd.toFixed(2)}\n`);
      }
    }
    return EXIT.ok;
  }
  const message = job.error ? cliMessage(job.error) : `The job ended as ${job.state}.`;
  if (!json) {
    fail(io, message);
    if (job.error?.requestId) io.stderr.write(`  request id: ${job.error.requestId}\n`);
    if (job.error?.detail) io.stderr.write(`  details: ${job.error.detail}\n`);
  }
  if (job.state === 'needs_attention') {
    if (!json) io.stderr.write('  The job is kept. Fix the cause, then run `keyframe resume`.\n');
    return EXIT.attention;
  }
  if (job.state === 'needs_approval') {
    if (!json) io.stderr.write('  The job is kept, not sent: approve it in Keyframe, or raise the cap (`keyframe budget`) and run `keyframe resume`.\n');
    return EXIT.payment;
  }
  return exitCodeFor(job.error?.code);
}

/**
 * A job waiting for disk space says Keyframe carries on by itself once there is room: true
 * of the app, which keeps running, not of this command, which exits. Keep the place, drop the promise.
 */
function cliMessage(error: AppError): string {
  if (error.code !== 'disk_full') return error.message;
  return `${error.message.split(':')[0] ?? 'The disk is full'}: free some space.`;
}
