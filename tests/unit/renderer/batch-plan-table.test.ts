import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { BatchPlanViewSchema } from '../../../shared/ipc/contract.js';
import { formatUsd, planTable } from '../../../renderer/src/features/batch/plan-table.js';
import type { BatchPlanView } from '../../../renderer/src/features/batch/batch-form.js';
import { loadLanguage, translate } from '../../../renderer/src/i18n/index.js';
import { batchProblemText, fieldWord } from '../../../renderer/src/features/batch/problem-text.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/**
 * The dry-run table's model: each row with its problems (by field), the
 * batch's own problems kept apart unless they name a row of the table, the
 * counts and the total, and whether Queue may be pressed.
 */

const estimate = (usd: number) => ({ usd, perSecondUsd: 0.064, seconds: 4, samples: 1, asOf: '2026-09-14', source: 'bundled' as const, isEstimate: true as const });
const request = (prompt: string) => ({ prompt, model: 'veo3.1-fast-official', duration: 4, aspect_ratio: '16:9', resolution: '720p', sample_count: 1 });
/** A catalog message about a field, as the planner files it. */
const about = (made: ErrorMessage, field?: string) => ({ ...made, ...(field ? { field } : {}) });

/** A plan as main sends it, checked by the contract's own output schema. */
const view = (plan: unknown): BatchPlanView => BatchPlanViewSchema.parse(plan);

const PASTED = `a paper boat\n\n# a comment\na crane folding itself\n${'x'.repeat(4001)}\n`;

describe('planTable', () => {
  it('puts each problem on its row, by field, and counts the rows that have one', () => {
    const plan = view({
      rows: [
        { row: 1, request: request('a paper boat'), errors: [], estimate: estimate(0.256) },
        { row: 4, request: request('a crane folding itself'), errors: [], estimate: estimate(0.256) },
        { row: 5, errors: [about(errorMessage('request.prompt.too_long', { max: 4000 }), 'prompt')] },
      ],
      errors: [],
      jobs: 3,
      videos: 2,
      total: { usd: 0.512, isEstimate: true },
      ok: false,
    });
    const table = planTable(plan, { kind: 'text', text: PASTED });
    expect(table.rows.map((r) => [r.row, r.problems.map((p) => p.field)])).toEqual([
      [1, []],
      [4, []],
      [5, ['prompt']],
    ]);
    expect(table.badRows).toEqual([5]);
    expect(table.ready).toBe(false);
    // A row that cannot be sent shows its own line (row n is line n of the text).
    expect(table.rows[2]?.prompt).toBe('x'.repeat(4001));
    expect(table.rows[0]?.prompt).toBe('a paper boat');
    expect(table.rows.map((r) => r.estimateUsd)).toEqual([0.256, 0.256, undefined]);
    expect([table.jobs, table.videos, table.totalUsd]).toEqual([3, 2, 0.512]);
  });

  it('keeps a CSV header’s problems (row 1, no job) above the table, and files a batch problem naming a row under that row', () => {
    const plan = view({
      rows: [
        { row: 2, label: 'wide', request: request('a fox'), errors: [], estimate: estimate(0.256) },
        { row: 3, errors: [about(errorMessage('request.duration'), 'duration')] },
      ],
      errors: [
        { ...about(errorMessage('schema.unknown_key', { name: 'lenght' }), 'lenght'), row: 1 },
        { ...errorMessage('batch.csv_extra_cells'), row: 3 },
        errorMessage('batch.too_many_rows', { max: 500 }),
      ],
      jobs: 2,
      videos: 1,
      total: { usd: 0.256, isEstimate: true },
      ok: false,
    });
    const table = planTable(plan, { kind: 'csv', text: 'prompt,lenght\n"a fox",8\n"a cat",5,extra\n' });
    expect(table.general.map((p) => [p.row, p.field, p.problem.key])).toEqual([
      [1, 'lenght', 'schema.unknown_key'],
      [undefined, undefined, 'batch.too_many_rows'],
    ]);
    expect(table.rows[1]?.problems.map((p) => [p.field, p.problem.key])).toEqual([
      ['duration', 'request.duration'],
      [undefined, 'batch.csv_extra_cells'],
    ]);
    expect(table.badRows).toEqual([3]);
    // A CSV's lines are not guessed at in the page: a bad row shows no prompt of its own.
    expect(table.rows[1]?.prompt).toBeUndefined();
    expect(table.rows[0]).toMatchObject({ label: 'wide', prompt: 'a fox' });
  });

  it('leaves out a sweep row’s label, which only repeats the settings shown beside it', () => {
    const plan = view({
      rows: [{ row: 1, label: 'duration 4 · seed 7', request: { ...request('a fox'), seed: 7 }, errors: [], estimate: estimate(0.256) }],
      errors: [],
      jobs: 1,
      videos: 1,
      total: { usd: 0.256, isEstimate: true },
      ok: true,
    });
    expect(planTable(plan, { kind: 'sweep', seeds: { list: [7] } }).rows[0]).not.toHaveProperty('label');
    expect(planTable(plan, { kind: 'jsonl', text: '{"prompt":"a fox"}' }).rows[0]?.label).toBe('duration 4 · seed 7');
  });

  it('is ready only when main says ok and no problem is left anywhere', () => {
    const ok = view({
      rows: [{ row: 1, request: request('a'), errors: [], estimate: estimate(0.256) }],
      errors: [],
      jobs: 1,
      videos: 1,
      total: { usd: 0.256, isEstimate: true },
      ok: true,
    });
    expect(planTable(ok).ready).toBe(true);
    expect(planTable({ ...ok, ok: false }).ready).toBe(false);
  });

  it('words each problem from its catalog key in the page’s language, and names its field', () => {
    const tooLong = about(errorMessage('request.prompt.too_long', { max: 4000 }), 'prompt');
    const ko = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('ko', key, vars);
    const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
    expect(batchProblemText(en, tooLong)).toBe(tooLong.message);
    expect(batchProblemText(ko, tooLong)).toBe(translate('ko', 'error.request.prompt.too_long', { max: 4000 }));
    expect(batchProblemText(ko, tooLong)).not.toBe(tooLong.message);
    expect(fieldWord(ko, 'duration')).toBe('길이');
    expect(fieldWord(ko, 'first_frame_image.url')).toBe('첫 프레임');
    expect(fieldWord(en, 'lenght')).toBe('lenght');
  });
});

describe('formatUsd', () => {
  it('writes cents, or tenths of a cent when the amount has them, so rows add up to the total shown', () => {
    expect(formatUsd(0.256)).toBe('0.256');
    expect(formatUsd(0.256 * 3)).toBe('0.768');
    expect(formatUsd(1.5)).toBe('1.50');
    expect(formatUsd(0.1 + 0.2)).toBe('0.30');
    expect(formatUsd(0)).toBe('0.00');
    expect(formatUsd(12.8)).toBe('12.80');
  });
});
