import { CsvError, parse } from 'csv-parse/sync';
import { errorMessage } from '../../../shared/error-messages.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { IssueMessage } from '../../../shared/issue-message.js';
import { SHORT_TEXT_MAX } from '../../../shared/domain/bounds.js';
import { cellValue } from './batch-cells.js';

/**
 * A batch source (pasted text, a .txt, .csv or .jsonl file) read into rows of
 * raw settings, each numbered as its source numbers it: a line of a text or
 * JSONL file, a row of a CSV (its header is row 1, as in a spreadsheet). No
 * setting is judged here beyond reading it: the request schema does that for
 * every row alike (batch-plan.ts).
 */

export const BATCH_SOURCE_KINDS = ['text', 'csv', 'jsonl'] as const;
export type BatchSourceKind = (typeof BATCH_SOURCE_KINDS)[number];

/** More rows than anyone reviews in a dry run; a bigger plan is split into several batches. */
export const BATCH_ROWS_MAX = 500;
/** A row may carry a label beside its settings (`label` column or key), shown with its takes. */
export const LABEL_FIELD = 'label';

export interface SourceRow {
  row: number;
  /** The row's settings by request field name, as read (CSV cells already read as numbers and switches). */
  fields: Record<string, unknown>;
  label?: string;
  /** What is wrong with the row before any setting is checked (not JSON, a bad label). */
  problems: IssueMessage[];
}

/** A problem of the source as a whole; a CSV header's problems are on its row, 1. */
export type SourceProblem = IssueMessage & { row?: number };

export interface ReadSource {
  rows: SourceRow[];
  /** What is wrong with the source as a whole (no rows, an unreadable CSV, a bad header). */
  problems: SourceProblem[];
}

const REQUEST_FIELDS: readonly string[] = Object.keys(GenerationRequestSchema.shape);

export function readBatchSource(kind: BatchSourceKind, text: string): ReadSource {
  const read = kind === 'csv' ? readCsv(text) : kind === 'jsonl' ? readJsonLines(text) : readTextLines(text);
  if (read.rows.length === 0 && read.problems.length === 0) read.problems.push(errorMessage('batch.empty'));
  if (read.rows.length > BATCH_ROWS_MAX) read.problems.push(errorMessage('batch.too_many_rows', { max: BATCH_ROWS_MAX }));
  return read;
}

const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** One prompt per line; blank lines and `#` comments are skipped but keep their numbers. */
function readTextLines(text: string): ReadSource {
  const rows: SourceRow[] = [];
  lines(text).forEach((line, i) => {
    const prompt = line.trim();
    if (prompt === '' || prompt.startsWith('#')) return;
    rows.push({ row: i + 1, fields: { prompt }, problems: [] });
  });
  return { rows, problems: [] };
}

/** One JSON object of request settings per line; blank lines are skipped. */
function readJsonLines(text: string): ReadSource {
  const rows: SourceRow[] = [];
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const row = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      rows.push({ row, fields: {}, problems: [errorMessage('batch.jsonl_not_json')] });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rows.push({ row, fields: {}, problems: [errorMessage('batch.jsonl_not_object', { example: '{"prompt": "…"}' })] });
      return;
    }
    rows.push(withLabel(row, { ...(value as Record<string, unknown>) }));
  });
  return { rows, problems: [] };
}

/** The header names the settings; every other record is one row. Parsed by csv-parse, never by hand. */
function readCsv(text: string): ReadSource {
  // Each record with its number in the file (the parser counts records, so a cell spanning lines is one row).
  const records: { record: string[]; info: { records: number } }[] = [];
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], info) => {
        records.push({ record, info: { records: info.records } });
        return record;
      },
    });
  } catch (err) {
    const line = err instanceof CsvError && typeof err.lines === 'number' ? err.lines : 1;
    return { rows: [], problems: [errorMessage('batch.csv_unreadable', { line })] };
  }
  const [header, ...data] = records;
  if (!header || header.record.every((c) => c.trim() === '')) return { rows: [], problems: [errorMessage('batch.csv_no_header')] };
  const problems: SourceProblem[] = [];
  // Columns the schema does not know are named once here (not on every row) and left out.
  const columns = header.record.map((raw) => {
    const name = raw.trim();
    if (name === LABEL_FIELD || REQUEST_FIELDS.includes(name)) return name;
    problems.push({ ...errorMessage('schema.unknown_key', { name }), field: name, row: 1 });
    return undefined;
  });
  columns.forEach((name, i) => {
    if (name !== undefined && columns.indexOf(name) !== i) problems.push({ ...errorMessage('batch.csv_column_twice', { name }), field: name, row: 1 });
  });
  const rows: SourceRow[] = [];
  for (const { record, info } of data) {
    if (record.every((c) => c.trim() === '')) continue;
    const fields: Record<string, unknown> = {};
    record.forEach((cell, i) => {
      const name = columns[i];
      const value = name === undefined ? undefined : name === LABEL_FIELD ? (cell.trim() === '' ? undefined : cell.trim()) : cellValue(name, cell);
      if (name !== undefined && value !== undefined) fields[name] = value;
    });
    const row = withLabel(info.records, fields);
    if (record.slice(header.record.length).some((c) => c.trim() !== '')) row.problems.push(errorMessage('batch.csv_extra_cells'));
    rows.push(row);
  }
  return { rows, problems };
}

/** Takes the row's label out of its settings (it is no request setting). */
function withLabel(row: number, fields: Record<string, unknown>): SourceRow {
  if (!Object.hasOwn(fields, LABEL_FIELD)) return { row, fields, problems: [] };
  const { [LABEL_FIELD]: label, ...settings } = fields;
  if (typeof label === 'string' && label.length <= SHORT_TEXT_MAX) return { row, fields: settings, ...(label === '' ? {} : { label }), problems: [] };
  return { row, fields: settings, problems: [{ ...errorMessage('batch.label', { max: SHORT_TEXT_MAX }), field: LABEL_FIELD }] };
}
