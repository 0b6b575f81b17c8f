import type { SpendSummary, SpendTotal } from '../../shared/ipc/views.js';
import type { BudgetPreview } from '../core/money/money.js';

/** How the CLI words money: estimates, the cap check, the balance and spending summaries. */

export const usd = (n: number): string => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2)}`;
const rate = (n: number): string => `$${n.toFixed(3)}/s`;

/** The estimate's breakdown and where its prices come from. */
export function estimateLine(p: BudgetPreview): string {
  const e = p.estimate;
  const videos = e.samples === 1 ? '1 video' : `${e.samples} videos`;
  return `Estimate: ${usd(e.usd)} = ${rate(e.perSecondUsd)} × ${e.seconds} s × ${videos} (prices of ${e.asOf}, ${e.source === 'bundled' ? 'bundled with Keyframe' : 'fetched from APIMart'})`;
}

/** The cap check, one line per span, and the balance when known; `what` is what is being checked ("this job", "this batch"). */
export function checkLines(p: Pick<BudgetPreview, 'check' | 'balance'>, what = 'this job'): string[] {
  const c = p.check;
  const span = (label: string, spent: number, cap: number | undefined, which: 'daily' | 'monthly') => {
    const after = spent + c.estimateUsd;
    if (cap === undefined) return `${label}: ${usd(spent)} spent; no ${which} cap`;
    const verdict = c.exceeded.includes(which) ? 'over the cap' : 'within the cap';
    return `${label}: ${usd(spent)} spent; with ${what} ${usd(after)} of the ${usd(cap)} ${which} cap (${verdict})`;
  };
  const lines = [span('Today', c.spentTodayUsd, c.dailyCapUsd, 'daily'), span('This month', c.spentMonthUsd, c.monthlyCapUsd, 'monthly')];
  if (p.balance) lines.push(`Balance: ${p.balance.unlimited ? 'unlimited' : usd(p.balance.remainUsd ?? 0)}`);
  return lines;
}

const totalText = (t: SpendTotal): string =>
  `${usd(t.spentUsd)} (${usd(t.chargedUsd)} charged, ${usd(t.estimatedUsd)} estimated) · ${t.jobs} ${t.jobs === 1 ? 'job' : 'jobs'}`;

export function summaryText(s: SpendSummary): string {
  const cap = (v: number | undefined) => (v === undefined ? 'none' : usd(v));
  const out = [
    'Spending in USD: what APIMart charged, and estimates for jobs whose charge is not known yet.',
    `Today (${s.today.day}):  ${totalText(s.today)}  · daily cap ${cap(s.caps.dailyUsd)}`,
    `Month (${s.month.month}):  ${totalText(s.month)}  · monthly cap ${cap(s.caps.monthlyUsd)}`,
    `All time:  ${totalText(s.allTime)}`,
  ];
  if (s.days.length > 0) {
    out.push('', 'Days:');
    for (const d of s.days) out.push(`  ${d.day}  ${totalText(d)}`);
  }
  if (s.jobs.length > 0) {
    out.push('', 'Jobs (estimate → charged, difference):');
    for (const j of s.jobs) {
      const charged = j.chargedUsd === undefined ? '—' : usd(j.chargedUsd);
      const diff = j.differenceUsd === undefined ? '' : `  ${j.differenceUsd >= 0 ? '+' : ''}${usd(j.differenceUsd)}`;
      out.push(`  ${j.jobId.slice(0, 8)}  ${j.day}  ${j.status.replace('_', ' ').padEnd(11)}  ${usd(j.estimateUsd)} → ${charged}${diff}`);
    }
  }
  return `${out.join('\n')}\n`;
}
