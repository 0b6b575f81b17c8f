import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimateCost } from '../../../shared/domain/prices.js';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { localCalendar } from '../../../electron/core/money/calendar.js';
import { SpendingLedger } from '../../../electron/core/money/ledger.js';
import { cli, type CliResult } from '../../support/cli-in-process.js';
import { charged, generating, liveJob } from '../money/money-jobs.js';

/**
 * `keyframe spend`, `keyframe budget` and `generate --dry-run`, and the caps
 * honoured by `generate`: exit codes, what they print, and that nothing is
 * sent when a cap or the balance refuses a job (exit 4).
 */

const KEY = 'sk-cli-money-7c1d2e3f';
let root: string;
let fake: FakeApimart | undefined;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-cli-money-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(root, { recursive: true, force: true });
});

const dataDir = () => join(root, 'data');
const settingsFile = () => join(dataDir(), 'settings.json');
const run = (argv: string[], env: { apiKey?: string; baseUrl?: string } = {}): Promise<CliResult> =>
  cli(argv, { dataDir: dataDir(), outputDir: join(root, 'out'), ...env });
const live = () => {
  if (!fake) throw new Error('no fake');
  return { apiKey: KEY, baseUrl: fake.apiUrl };
};

/** A ledger with one job charged `usd` today (local time), as the app would have written it. */
async function spentToday(usd: number): Promise<void> {
  const now = Date.now();
  const ledger = new SpendingLedger({ dataDir: dataDir(), clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined }, calendar: localCalendar, estimate: (r) => estimateCost(r) });
  await ledger.load({ jobs: () => [], sidecars: async () => [] });
  ledger.observe(charged(generating(liveJob('job-earlier', { createdAt: now - 1000 }), now - 500), usd, now - 100));
  await ledger.flush();
}

describe('keyframe budget', () => {
  it('shows no caps at first, sets them into the app’s settings file keeping its other settings, and removes them', async () => {
    await mkdir(dataDir(), { recursive: true });
    await writeFile(settingsFile(), JSON.stringify({ theme: 'dark', concurrency: 4 }));
    const shown = await run(['budget']);
    expect(shown).toMatchObject({ code: 0, stdout: 'Daily cap: none (spent today: $0.00)\nMonthly cap: none (spent this month: $0.00)\n' });

    const set = await run(['budget', '--daily', '5', '--monthly', '$50.5']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Daily cap: $5.00');
    expect(set.stdout).toContain('Monthly cap: $50.50');
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({ theme: 'dark', concurrency: 4, dailyCapUsd: 5, monthlyCapUsd: 50.5 });

    expect((await run(['budget', '--daily', 'none'])).code).toBe(0);
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toMatchObject({ dailyCapUsd: null, monthlyCapUsd: 50.5 });
    const json = await run(['budget', '--clear', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ event: 'budget', dailyCapUsd: null, monthlyCapUsd: null, spentTodayUsd: 0, spentMonthUsd: 0 });
  });

  it.each([
    [['--daily', '-3'], 'daily'],
    [['--daily', 'five'], 'daily'],
    [['--monthly', '2000000'], 'monthly'],
    [['--clear', '--daily', '5'], 'clear'],
    [['--weekly', '5'], 'weekly'],
  ])('%j is bad input (exit 2) naming %s, and nothing is written', async (args, field) => {
    const r = await run(['budget', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^keyframe: .*${field}`));
    expect(existsSync(settingsFile())).toBe(false);
  });

  it('refuses to rewrite a damaged settings file, leaving it as it is', async () => {
    await mkdir(dataDir(), { recursive: true });
    await writeFile(settingsFile(), '{"theme": "dark",');
    const r = await run(['budget', '--daily', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('damaged');
    expect(await readFile(settingsFile(), 'utf8')).toBe('{"theme": "dark",');
  });
});

describe('keyframe spend', () => {
  it('sums the ledger: today, the month and all time, per day and per job', async () => {
    await spentToday(0.48);
    const text = await run(['spend']);
    expect(text.code).toBe(0);
    const today = localCalendar.dayOf(Date.now());
    expect(text.stdout).toContain(`Today (${today}):  $0.48 ($0.48 charged, $0.00 estimated) · 1 job`);
    expect(text.stdout).toContain('job-earl');
    expect(text.stdout).toContain('$0.51 → $0.48  -$0.03');
    const json = JSON.parse((await run(['spend', '--json'])).stdout) as { event: string; today: { chargedUsd: number }; jobs: { differenceUsd?: number }[] };
    expect(json).toMatchObject({ event: 'spend', today: { day: today, chargedUsd: 0.48 }, month: { month: today.slice(0, 7) } });
    expect(json.jobs[0]?.differenceUsd).toBe(-0.032);
    // Another month.
    expect(JSON.parse((await run(['spend', '--month', '2001-01', '--json'])).stdout)).toMatchObject({ month: { month: '2001-01', spentUsd: 0 }, jobs: [] });
  });

  it('reads without writing: an empty data folder stays empty', async () => {
    const r = await run(['spend']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('All time:  $0.00');
    expect(existsSync(join(dataDir(), 'spending.jsonl'))).toBe(false);
  });

  it.each(['2026-13', '2026-9', 'September'])('--month %s is bad input (exit 2)', async (month) => {
    const r = await run(['spend', '--month', month]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM');
  });
});

describe('keyframe generate --dry-run', () => {
  it('prints the estimate with its breakdown and the cap check, and sends nothing (exit 0)', async () => {
    const r = await run(['generate', 'a paper boat', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Estimate: $0.51 = $0.064/s × 8 s × 1 video (prices of 2026-09-14, bundled with Keyframe)');
    expect(r.stdout).toContain('Today: $0.00 spent; no daily cap');
    expect(r.stdout).toContain('Balance: not checked (no API key)');
    expect(r.stdout).toContain('nothing was sent');
    expect(existsSync(join(dataDir(), 'jobs'))).toBe(false);
  });

  it('prices 4K with audio and several videos', async () => {
    const r = await run(['generate', 'a paper boat', '--dry-run', '--model', 'quality', '--resolution', '4K', '--audio', '--samples', '4', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      event: 'dry_run',
      verdict: 'send',
      estimate: { usd: 15.36, perSecondUsd: 0.48, seconds: 8, samples: 4, asOf: '2026-09-14', source: 'bundled' },
      exceeded: [],
    });
  });

  it('exits 4 when a cap would refuse it, with the figures', async () => {
    await spentToday(4.8);
    await run(['budget', '--daily', '5']);
    const r = await run(['generate', 'a paper boat', '--dry-run']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('Today: $4.80 spent; with this job $5.31 of the $5.00 daily cap (over the cap)');
    expect(r.stderr).toContain('past your daily cap of $5.00');
  });

  it('exits 2 for bad input, before anything else', async () => {
    expect((await run(['generate', 'a paper boat', '--dry-run', '--duration', '5'])).code).toBe(2);
  });

  it('exits 4 when the balance is lower than the estimate; only the balance is read', async () => {
    fake = await startFakeApimart({ apiKey: KEY, balanceUsd: 0.4 });
    const r = await run(['generate', 'a paper boat', '--dry-run', '--json'], live());
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'refuse', balance: { remainUsd: 0.4 }, error: { code: 'payment_required', key: 'budget.balance_too_low' } });
    expect(fake.stats.apiRequests.map((q) => q.path)).toEqual(['/v1/balance']);
  });
});

describe('keyframe generate honours the caps', () => {
  it('a job over the daily cap is not sent: exit 4 with the figures, no job queued; within a raised cap it runs', async () => {
    fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
    await spentToday(4.8);
    await run(['budget', '--daily', '5']);
    const refused = await run(['generate', 'a paper boat'], live());
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('past your daily cap of $5.00');
    expect(refused.stderr).toContain('Estimate: $0.51 = $0.064/s × 8 s × 1 video');
    expect(refused.stderr).toContain('Today: $4.80 spent; with this job $5.31 of the $5.00 daily cap (over the cap)');
    expect(fake.stats.submits).toBe(0);
    expect(await readdir(join(dataDir(), 'jobs')).then((names) => names.filter((n) => n.endsWith('.json')))).toEqual([]);

    await run(['budget', '--daily', '6']);
    const sent = await run(['generate', 'a paper boat'], live());
    expect(sent.code).toBe(0);
    expect(fake.stats.submits).toBe(1);
    expect(JSON.parse((await run(['spend', '--json'])).stdout)).toMatchObject({ today: { chargedUsd: 5.312, jobs: 2 } });
  });
});
