import { parseArgs } from 'node:util';
import { MonthSchema } from '../../../shared/ipc/views.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';
import { summaryText } from '../money-text.js';
import { openMoneyView } from '../money-view.js';

/** `keyframe spend [--month YYYY-MM] [--json]`: the spending ledger's sums. Read-only: safe while the app runs. */
export async function spendCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { month: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (values.month !== undefined && !MonthSchema.safeParse(values.month).success) {
    fail(io, `month: “${values.month}” is not a month; write it as YYYY-MM (e.g. 2026-09)`);
    return EXIT.usage;
  }
  const money = await openMoneyView(env);
  const summary = money.summary(values.month ? { month: values.month } : {});
  io.stdout.write(values.json ? `${JSON.stringify({ event: 'spend', ...summary })}\n` : summaryText(summary));
  return EXIT.ok;
}
