import type { z } from 'zod';
import type { CostRequest } from '../../../shared/domain/prices.js';
import { issueMessage, type IssueMessage } from '../../../shared/issue-message.js';
import { expandShorthands, type FrameFromText } from './batch-cells.js';
import { estimateRow, totalOf, type BatchTotal, type RowEstimate } from './batch-estimate.js';
import type { ReadSource, SourceProblem } from './batch-source.js';

/**
 * A dry run of a batch: every row's settings over the caller's defaults,
 * checked by the one request schema, with the estimate of each row and the
 * total. Nothing is sent or written; a batch is queued only from a plan
 * without a single problem (`ok`).
 */

export interface PlannedRow<R> {
  row: number;
  label?: string;
  /** The checked request, when the row has no problem. */
  request?: R;
  /** Each problem names its field (when it is about one) and carries its catalog message. */
  errors: IssueMessage[];
  estimate?: RowEstimate;
}

export interface BatchPlan<R> {
  rows: PlannedRow<R>[];
  /** Problems of the batch as a whole (no rows, an unreadable CSV, an unknown column). */
  errors: SourceProblem[];
  /** Jobs the batch would create (one per row) and the videos they would make. */
  jobs: number;
  videos: number;
  total: BatchTotal;
  /** Whether the batch may be queued: no problem anywhere. */
  ok: boolean;
}

export interface PlanOptions<R> {
  /** The request schema the rows are checked with (local files in the CLI, imported frames in the app). */
  schema: z.ZodType<R>;
  /** How a frame written as text in a row becomes a frame reference. */
  frameFromText: FrameFromText;
}

/** What a planned request must carry to be priced and counted. */
type Plannable = CostRequest;

export function planBatch<R extends Plannable>(source: ReadSource, defaults: Readonly<Record<string, unknown>>, opts: PlanOptions<R>): BatchPlan<R> {
  const rows = source.rows.map((r): PlannedRow<R> => {
    const base = { row: r.row, ...(r.label === undefined ? {} : { label: r.label }) };
    if (r.problems.length > 0) return { ...base, errors: r.problems };
    const parsed = opts.schema.safeParse(expandShorthands({ ...defaults, ...r.fields }, opts.frameFromText));
    if (!parsed.success) return { ...base, errors: parsed.error.issues.map(issueMessage) };
    return { ...base, request: parsed.data, errors: [], estimate: estimateRow(parsed.data) };
  });
  return summarize(rows, source.problems);
}

/** Counts, totals and `ok` for a set of planned rows (again after a later check added problems). */
export function summarize<R extends Plannable>(rows: PlannedRow<R>[], errors: SourceProblem[]): BatchPlan<R> {
  const priced = rows.flatMap((r) => (r.estimate ? [r.estimate] : []));
  const videos = rows.reduce((n, r) => n + (r.request?.sample_count ?? 0), 0);
  const ok = errors.length === 0 && rows.length > 0 && rows.every((r) => r.errors.length === 0 && r.request !== undefined);
  return { rows, errors, jobs: rows.length, videos, total: totalOf(priced), ok };
}

/** Every problem of a plan, the batch's own first, each with the row it is on (absent: the whole batch). */
export function planProblems<R>(plan: BatchPlan<R>): SourceProblem[] {
  return [...plan.errors, ...plan.rows.flatMap((r) => r.errors.map((problem) => ({ ...problem, row: r.row })))];
}
