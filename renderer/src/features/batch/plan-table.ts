import type { BatchProblem } from '../../../../shared/ipc/views.js';
import type { BatchPlanView, BatchSource } from './batch-form';

/**
 * The dry run as the dialog's table shows it: one line per row with its
 * prompt, settings and estimate, each row's problems beside it (by field),
 * the batch's own problems above, and the totals. Pure: the component only
 * draws this.
 */

export type PlannedRequest = NonNullable<BatchPlanView['rows'][number]['request']>;

export interface RowProblem {
  /** The setting the problem is about (`prompt`, `duration`, a CSV column), when it names one. */
  field?: string;
  problem: BatchProblem;
}

export interface PlanTableRow {
  row: number;
  label?: string;
  /** The prompt the row would send, or its line as written when it cannot be sent. */
  prompt?: string;
  request?: PlannedRequest;
  estimateUsd?: number;
  problems: RowProblem[];
}

export interface PlanTable {
  /** Problems of the batch as a whole, and of rows that are no job (a CSV's header, row 1). */
  general: (RowProblem & { row?: number })[];
  rows: PlanTableRow[];
  /** Numbers of the rows with a problem, in order. */
  badRows: number[];
  jobs: number;
  videos: number;
  totalUsd: number;
  /** Whether the batch may be queued: every row is ready and nothing is wrong with the whole. */
  ready: boolean;
}

const problemOf = (p: BatchProblem): RowProblem => ({ ...(p.field ? { field: p.field } : {}), problem: p });


/**
 * A list's text lets a bad row show its own line (a list of prompts or JSON
 * Lines: row n is line n; a CSV's records are numbered by the parser in
 * main, so its lines are not guessed at). A sweep row's label only repeats
 * the settings the table shows beside it, so it is left out.
 */
export function planTable(plan: BatchPlanView, origin?: BatchSource): PlanTable {
  const lines = origin && (origin.kind === 'text' || origin.kind === 'jsonl') ? origin.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/) : undefined;
  const labelled = origin?.kind !== 'sweep';
  const rows: PlanTableRow[] = plan.rows.map((r) => {
    const prompt = r.request?.prompt ?? lines?.[r.row - 1]?.trim();
    return {
      row: r.row,
      ...(r.label === undefined || !labelled ? {} : { label: r.label }),
      ...(prompt ? { prompt } : {}),
      ...(r.request ? { request: r.request } : {}),
      ...(r.estimate ? { estimateUsd: r.estimate.usd } : {}),
      problems: r.errors.map(problemOf),
    };
  });
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const general: PlanTable['general'] = [];
  // A batch problem that names a row of the table is shown on that row; any other stays above the table.
  for (const p of plan.errors) {
    const row = p.row === undefined ? undefined : byRow.get(p.row);
    if (row) row.problems.push(problemOf(p));
    else general.push({ ...problemOf(p), ...(p.row === undefined ? {} : { row: p.row }) });
  }
  const badRows = rows.filter((r) => r.problems.length > 0).map((r) => r.row);
  return {
    general,
    rows,
    badRows,
    jobs: plan.jobs,
    videos: plan.videos,
    totalUsd: plan.total.usd,
    ready: plan.ok && general.length === 0 && badRows.length === 0,
  };
}

/**
 * Dollars as the dialog writes them: cents, or tenths of a cent when the
 * price has them ($0.256 a row), so rows add up to the total shown.
 */
export function formatUsd(usd: number): string {
  const cents = usd * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6 ? usd.toFixed(2) : usd.toFixed(3);
}
