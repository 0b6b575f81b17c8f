import { parseArgs } from 'node:util';
import { errorMessage } from '../../../shared/error-messages.js';
import { SpendingCapSchema } from '../../../shared/ipc/views.js';
import { acquireQueueLock } from '../../core/jobs/queue-lock.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';
import { usd } from '../money-text.js';
import { openMoneyView } from '../money-view.js';
import { readCapSettings, SettingsFileDamaged, writeCapSettings, type CapSettings } from '../settings-file.js';

/**
 * `keyframe budget [--daily USD] [--monthly USD] [--clear] [--json]`: shows or sets the
 * spending caps the app and the CLI enforce (`none` removes one cap, --clear both).
 * Setting them takes the queue lock: a running Keyframe keeps its settings in memory
 * and would write its own caps back over these.
 */
export async function budgetCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { daily: { type: 'string' }, monthly: { type: 'string' }, clear: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
  });
  if (values.clear && (values.daily !== undefined || values.monthly !== undefined)) {
    fail(io, 'clear: --clear removes both caps; give it alone, or use --daily/--monthly none to remove one');
    return EXIT.usage;
  }
  const patch: CapSettings = values.clear ? { dailyCapUsd: null, monthlyCapUsd: null } : {};
  for (const [flag, key] of [['daily', 'dailyCapUsd'], ['monthly', 'monthlyCapUsd']] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const cap = parseCap(raw);
    if (cap === 'invalid') {
      fail(io, `${flag}: ${errorMessage('settings.spending_cap').message} (got “${raw}”)`);
      return EXIT.usage;
    }
    patch[key] = cap;
  }
  if (Object.keys(patch).length > 0) {
    const release = await acquireQueueLock(env.dataDir);
    try {
      await writeCapSettings(env.dataDir, patch);
    } catch (err) {
      if (err instanceof SettingsFileDamaged) return fail(io, err.message), EXIT.failed;
      throw err;
    } finally {
      await release();
    }
  }
  const caps = await readCapSettings(env.dataDir);
  const summary = (await openMoneyView(env)).summary();
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ event: 'budget', dailyCapUsd: caps.dailyCapUsd ?? null, monthlyCapUsd: caps.monthlyCapUsd ?? null, spentTodayUsd: summary.today.spentUsd, spentMonthUsd: summary.month.spentUsd })}\n`,
    );
    return EXIT.ok;
  }
  const line = (label: string, cap: number | null | undefined, spent: number, when: string) =>
    `${label}: ${cap === undefined || cap === null ? 'none' : usd(cap)} (spent ${when}: ${usd(spent)})\n`;
  io.stdout.write(line('Daily cap', caps.dailyCapUsd, summary.today.spentUsd, 'today'));
  io.stdout.write(line('Monthly cap', caps.monthlyCapUsd, summary.month.spentUsd, 'this month'));
  return EXIT.ok;
}

/** `5`, `12.50` → the amount; `none`/`off` → no cap; anything else (or out of range) → invalid. */
function parseCap(raw: string): number | null | 'invalid' {
  const text = raw.trim().replace(/^\$/, '');
  if (/^(none|off)$/i.test(text)) return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return 'invalid';
  const parsed = SpendingCapSchema.safeParse(Number(text));
  return parsed.success ? parsed.data : 'invalid';
}
