import { ApimartClient } from '../../core/apimart/client.js';
import { DEFAULT_API_BASE } from '../../core/engine.js';
import type { BudgetPreview, Money } from '../../core/money/money.js';
import { systemClock } from '../../core/ports.js';
import { noteBalance } from '../balance-check.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import type { GenerateArgs } from '../generate-args.js';
import { fail, type CliIo } from '../io.js';
import { checkLines, estimateLine } from '../money-text.js';
import { openMoneyView } from '../money-view.js';
import { createCliLogger } from '../runtime.js';

/**
 * `keyframe generate` and money: the cap and balance check before a live job
 * is queued (the same rules the app's queue applies), and `--dry-run`, which
 * prints that check and the estimate's breakdown and sends nothing.
 */

/** Reports a damaged ledger that was set aside and rebuilt. */
export async function openLedger(money: Money, info: (message: string) => void): Promise<void> {
  const report = await money.open();
  if (report.movedTo) info(`The spending record was damaged; it was kept as ${report.movedTo} and rebuilt from the job journal and the video records.`);
}

/** The figures of a job a cap or the balance refuses; exit 4. */
export function refuseWith(preview: BudgetPreview, io: CliIo, json: boolean): number {
  const verdict = preview.verdict;
  if (verdict.kind === 'send') return EXIT.ok;
  if (json) {
    io.stdout.write(`${JSON.stringify({ event: 'refused', ...previewJson(preview) })}\n`);
  } else {
    fail(io, verdict.error.message);
    for (const line of [estimateLine(preview), ...checkLines(preview)]) io.stderr.write(`  ${line}\n`);
  }
  return EXIT.payment;
}

/** `--dry-run`: the estimate, the cap check and the balance; nothing is queued or sent (the balance is only read). */
export async function dryRun(args: GenerateArgs, env: CliEnvironment, io: CliIo): Promise<number> {
  const money = await openMoneyView(env);
  const provider = args.demo ? 'demo' : 'apimart';
  if (provider === 'apimart' && env.apiKey) {
    const client = new ApimartClient({
      fetch: globalThis.fetch.bind(globalThis),
      baseUrl: env.baseUrl ?? DEFAULT_API_BASE,
      apiKey: async () => env.apiKey,
      clock: systemClock,
      logger: createCliLogger(env),
    });
    await noteBalance(money, () => client.balance());
  }
  const preview = await money.preview(args.request, provider);
  const ok = preview.verdict.kind === 'send';
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ event: 'dry_run', ...previewJson(preview) })}\n`);
    return ok ? EXIT.ok : EXIT.payment;
  }
  io.stdout.write(`${estimateLine(preview)}\n`);
  if (provider === 'demo') io.stdout.write('Demo provider: nothing is charged, and no cap applies.\n');
  else {
    for (const line of checkLines(preview)) io.stdout.write(`${line}\n`);
    if (!preview.balance) io.stdout.write(env.apiKey ? 'Balance: unknown (APIMart did not report it)\n' : 'Balance: not checked (no API key)\n');
  }
  if (preview.verdict.kind !== 'send') fail(io, preview.verdict.error.message);
  io.stdout.write(ok ? 'Dry run: the job would be sent; nothing was sent.\n' : 'Dry run: the job would not be sent; nothing was sent.\n');
  return ok ? EXIT.ok : EXIT.payment;
}

function previewJson(p: BudgetPreview) {
  const v = p.verdict;
  return {
    verdict: v.kind,
    estimate: { usd: p.estimate.usd, perSecondUsd: p.estimate.perSecondUsd, seconds: p.estimate.seconds, samples: p.estimate.samples, asOf: p.estimate.asOf, source: p.estimate.source },
    spentTodayUsd: p.check.spentTodayUsd,
    spentMonthUsd: p.check.spentMonthUsd,
    ...(p.check.dailyCapUsd === undefined ? {} : { dailyCapUsd: p.check.dailyCapUsd }),
    ...(p.check.monthlyCapUsd === undefined ? {} : { monthlyCapUsd: p.check.monthlyCapUsd }),
    exceeded: p.check.exceeded,
    ...(p.balance ? { balance: { ...(p.balance.remainUsd === undefined ? {} : { remainUsd: p.balance.remainUsd }), unlimited: p.balance.unlimited } } : {}),
    ...(v.kind === 'send' ? {} : { error: v.error }),
  };
}
