import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isAppFailure } from '../../../shared/errors.js';
import { GenerationRequestSchema, type GenerationRequest, type RequestKey } from '../../../shared/domain/generation.js';
import { isTerminal, type Job } from '../../../shared/domain/job.js';
import { looksLikeUrl } from '../../core/batch/batch-cells.js';
import { checkLocalFrames } from '../../core/batch/batch-frames.js';
import { planBatch, planProblems, type BatchPlan } from '../../core/batch/batch-plan.js';
import { readBatchSource, type BatchSourceKind } from '../../core/batch/batch-source.js';
import { DEFAULT_NAME_TEMPLATE, validateTemplate } from '../../core/library/file-naming.js';
import type { BudgetPreview } from '../../core/money/money.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { flagGiven, flagText, GENERATE_OPTIONS, REQUEST_OPTIONS, type FlagValues } from '../generate-flags.js';
import { describeAppError, fail, interruption, type CliIo } from '../io.js';
import { checkLines } from '../money-text.js';
import { openMoneyView } from '../money-view.js';
import { jsonReporter } from '../reporter.js';
import { openRuntime } from '../runtime.js';
import { waitForJobs } from '../wait-for-jobs.js';
import { report } from './generate.js';
import { worstExit } from './resume.js';

/**
 * `keyframe batch FILE`: one job per row of a .txt (a prompt per line), .csv
 * (a header of request settings) or .jsonl file, with the generate flags as
 * every row's defaults. Every row is checked (frames included) before anything
 * is queued: one bad row means nothing is sent. `--dry-run` stops after the
 * check and prints each row's estimate and the total.
 */

const KINDS: Readonly<Record<string, BatchSourceKind>> = { '.txt': 'text', '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };
/** A batch file is read whole: a few thousand rows are well under this. */
const BATCH_FILE_MAX_BYTES = 10 * 1024 * 1024;
const BATCH_OPTIONS = { ...GENERATE_OPTIONS, 'dry-run': { type: 'boolean' } } as const;

export const BATCH_HELP = `  keyframe batch FILE [--dry-run] [--json] [generate options]
                                          one video per row of FILE: .txt (a prompt per line; # comments),
                                          .csv (header: prompt,duration,seed,… and label) or .jsonl; the
                                          generate options are every row's defaults; frame paths in FILE are
                                          relative to it; --dry-run checks every row and prints the estimate
`;

class BatchUsage extends Error {}

export async function batchCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  let args: BatchArgs;
  try {
    args = await readBatchArgs(argv);
  } catch (err) {
    if (err instanceof BatchUsage) return fail(io, err.message), EXIT.usage;
    if (isAppFailure(err)) return fail(io, describeAppError(err.app)), EXIT.usage;
    throw err;
  }
  const plan = await checkLocalFrames(
    planBatch(readBatchSource(args.kind, args.text), args.defaults, { schema: GenerationRequestSchema, frameFromText: frameIn(dirname(args.file)) }),
  );
  if (!plan.ok) {
    // One line per problem, naming the row and the field, and nothing is sent.
    for (const p of planProblems(plan)) fail(io, `${p.row === undefined ? basename(args.file) : `row ${p.row}`}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
    return EXIT.usage;
  }
  if (args.dryRun) return printPlan(plan, await budgetOf(plan, args, env), io, args.json);
  if (!args.demo && !env.apiKey) {
    fail(io, 'no API key: set APIMART_API_KEY, or try the built-in demo provider with --demo (no key, no charge)');
    return EXIT.auth;
  }
  return queueAndWait(plan, args, env, io);
}

interface BatchArgs {
  file: string;
  kind: BatchSourceKind;
  text: string;
  defaults: Record<string, unknown>;
  outDir?: string;
  nameTemplate?: string;
  demo: boolean;
  json: boolean;
  dryRun: boolean;
}

async function readBatchArgs(argv: string[]): Promise<BatchArgs> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: BATCH_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new BatchUsage((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const flags: FlagValues = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new BatchUsage('file: missing. Usage: keyframe batch FILE [--dry-run] [options]');
  if (extra.length > 0) throw new BatchUsage('file: give one batch file');
  const kind = KINDS[extname(file).toLowerCase()];
  if (!kind) throw new BatchUsage(`file: “${basename(file)}” is not a .txt, .csv or .jsonl file`);
  const path = resolve(file);
  let text: string;
  try {
    if ((await stat(path)).size > BATCH_FILE_MAX_BYTES) throw new BatchUsage(`file: “${basename(file)}” is larger than 10 MB`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof BatchUsage) throw err;
    throw new BatchUsage(`file: cannot read “${file}” (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const nameTemplate = flagText(flags, 'name');
  if (nameTemplate) {
    const t = validateTemplate(nameTemplate);
    if (!t.ok) throw new BatchUsage(`name: ${t.message}`);
  }
  const outDir = flagText(flags, 'out');
  return {
    file: path,
    kind,
    text,
    defaults: flagDefaults(flags),
    ...(outDir ? { outDir } : {}),
    ...(nameTemplate ? { nameTemplate } : {}),
    demo: flagGiven(flags, 'demo'),
    json: flagGiven(flags, 'json'),
    dryRun: flagGiven(flags, 'dry-run'),
  };
}

/** The generate flags given, as settings every row starts from (a prompt comes from the rows). */
function flagDefaults(flags: FlagValues): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const key of Object.keys(REQUEST_OPTIONS) as RequestKey[]) {
    if (key === 'prompt') continue;
    const read: (f: FlagValues, prompt: string) => unknown = REQUEST_OPTIONS[key].read;
    const value = read(flags, '');
    if (value !== undefined) defaults[key] = value;
  }
  return defaults;
}

/** A frame in a row: a URL, or a file relative to the batch file (where its author put the images). */
const frameIn = (dir: string) => (text: string) => (looksLikeUrl(text) ? { kind: 'url', url: text } : { kind: 'file', path: resolve(dir, text) });

const usd = (n: number) => `$${n.toFixed(2)}`;

/** The batch's total against the caps and the balance (the queue checks each job again when it is sent). */
async function budgetOf(plan: BatchPlan<GenerationRequest>, args: BatchArgs, env: CliEnvironment): Promise<BatchBudget> {
  const provider = args.demo ? 'demo' : 'apimart';
  const money = await openMoneyView(env);
  return { provider, ...(await money.previewAmount(plan.total.usd, provider)) };
}

type BatchBudget = Omit<BudgetPreview, 'estimate'> & { provider: 'demo' | 'apimart' };

function printPlan(plan: BatchPlan<GenerationRequest>, budget: BatchBudget, io: CliIo, json: boolean): number {
  for (const r of plan.rows) {
    const e = r.estimate;
    if (json) {
      io.stdout.write(`${JSON.stringify({ event: 'row', row: r.row, ...(r.label ? { label: r.label } : {}), request: r.request, estimate: e })}\n`);
    } else {
      const cost = e === undefined ? '' : `≈ ${usd(e.usd)}`;
      io.stdout.write(`row ${r.row}  ${cost.padEnd(13)}  ${(r.label ? `[${r.label}] ` : '') + (r.request?.prompt ?? '').slice(0, 80)}\n`);
    }
  }
  const t = plan.total;
  const c = budget.check;
  const fits = budget.verdict.kind === 'send';
  if (json) {
    io.stdout.write(`${JSON.stringify({ event: 'total', jobs: plan.jobs, videos: plan.videos, usd: t.usd, isEstimate: true })}\n`);
    io.stdout.write(
      `${JSON.stringify({
        event: 'budget',
        provider: budget.provider,
        verdict: budget.verdict.kind,
        spentTodayUsd: c.spentTodayUsd,
        spentMonthUsd: c.spentMonthUsd,
        ...(c.dailyCapUsd === undefined ? {} : { dailyCapUsd: c.dailyCapUsd }),
        ...(c.monthlyCapUsd === undefined ? {} : { monthlyCapUsd: c.monthlyCapUsd }),
        exceeded: c.exceeded,
      })}\n`,
    );
  } else {
    io.stdout.write(`${plan.jobs} job(s), ${plan.videos} video(s); total ≈ ${usd(t.usd)}.\n`);
    if (budget.provider === 'demo') io.stdout.write('Demo provider: nothing is charged, and no cap applies.\n');
    else for (const line of checkLines(budget, 'this batch')) io.stdout.write(`${line}\n`);
    if (budget.verdict.kind === 'hold') io.stdout.write('Jobs past a cap would wait for your approval (keyframe jobs approve ID), or raise the cap with keyframe budget.\n');
    if (budget.verdict.kind === 'refuse') fail(io, budget.verdict.error.message);
    io.stdout.write('Dry run: nothing was sent.\n');
  }
  // As `generate --dry-run`: 4 when a cap or the balance would stop it.
  return fits ? EXIT.ok : EXIT.payment;
}

async function queueAndWait(plan: BatchPlan<GenerationRequest>, args: BatchArgs, env: CliEnvironment, io: CliIo): Promise<number> {
  const rt = await openRuntime(env, { demo: args.demo });
  const reporter = jsonReporter((s) => io.stdout.write(s));
  const { interrupted, stop: stopListening } = interruption(io);
  try {
    const recovery = await rt.engine.queue.start();
    for (const c of recovery.corrupt) fail(io, `A damaged job record was moved aside to ${c.movedTo} (${c.reason}).`);
    await rt.engine.library.load();
    let ids: string[];
    try {
      const queued = await rt.engine.batches.queue({
        source: args.kind,
        name: basename(args.file),
        rows: plan.rows.flatMap((r) => (r.request ? [{ row: r.row, ...(r.label ? { label: r.label } : {}), request: r.request }] : [])),
        provider: args.demo ? 'demo' : 'apimart',
        outputDir: args.outDir ?? env.outputDir,
        nameTemplate: args.nameTemplate ?? DEFAULT_NAME_TEMPLATE,
      });
      ids = queued.record.rows.map((r) => r.jobId);
    } catch (err) {
      if (isAppFailure(err)) return fail(io, describeAppError(err.app)), exitCodeFor(err.app.code);
      throw err;
    }
    if (!args.json) io.stderr.write(`Batch of ${ids.length} job(s) queued${args.demo ? ' on the demo provider (no charge)' : ''}.\n`);
    const progress = (job: Job) => {
      if (args.json) return reporter.job(job);
      if (!isTerminal(job.state) && job.state !== 'needs_attention') return;
      const ended = ids.filter((id) => {
        const j = rt.engine.queue.get(id);
        return j !== undefined && (isTerminal(j.state) || j.state === 'needs_attention');
      }).length;
      io.stderr.write(`${ended} of ${ids.length} finished\n`);
    };
    const outcome = await Promise.race([waitForJobs(rt.engine.queue, ids, progress), interrupted]);
    if (outcome === 'interrupted') {
      fail(io, 'interrupted: the batch is saved; run `keyframe resume` to continue it');
      return EXIT.interrupted;
    }
    return worstExit(outcome.map((j) => report(j, io, args.json)));
  } finally {
    stopListening();
    await rt.close();
  }
}
