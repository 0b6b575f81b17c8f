import { describe, expect, it } from 'vitest';
import { BATCH_ROWS_MAX, readBatchSource } from '../../../electron/core/batch/batch-source.js';
import { cellValue, expandShorthands } from '../../../electron/core/batch/batch-cells.js';

describe('batch sources: text', () => {
  it('makes one row per prompt line, numbered by line, skipping blank lines and # comments', () => {
    const read = readBatchSource('text', '# storyboard\na paper boat\n\n  a crane folding itself  \r\n# the end\nrain on a window\n');
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.row, r.fields])).toEqual([
      [2, { prompt: 'a paper boat' }],
      [4, { prompt: 'a crane folding itself' }],
      [6, { prompt: 'rain on a window' }],
    ]);
  });

  it('says a source without rows is empty, and one with too many rows is too big', () => {
    expect(readBatchSource('text', '\n# only a comment\n').problems.map((p) => p.key)).toEqual(['batch.empty']);
    const many = Array.from({ length: BATCH_ROWS_MAX + 1 }, (_, i) => `prompt ${i}`).join('\n');
    expect(readBatchSource('text', many).problems.map((p) => p.key)).toEqual(['batch.too_many_rows']);
  });
});

describe('batch sources: CSV (csv-parse)', () => {
  it('reads the header as setting names and numbers rows as a spreadsheet does (header = row 1)', () => {
    const csv = 'prompt,duration,seed,generate_audio,label\n"a boat, at dusk",6,42,yes,opening\n\n"two\nlines",4,,false,\n';
    const read = readBatchSource('csv', csv);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { row: 2, fields: { prompt: 'a boat, at dusk', duration: 6, seed: 42, generate_audio: true }, label: 'opening', problems: [] },
      // A quoted cell spanning two lines is one row; an empty cell takes the default.
      { row: 3, fields: { prompt: 'two\nlines', duration: 4, generate_audio: false }, problems: [] },
    ]);
  });

  it('names an unknown column once, on the header row, and leaves it out of the rows', () => {
    const read = readBatchSource('csv', 'prompt,durration\na cat,4\n');
    expect(read.problems).toEqual([expect.objectContaining({ key: 'schema.unknown_key', field: 'durration', row: 1, params: { name: 'durration' } })]);
    expect(read.rows[0]?.fields).toEqual({ prompt: 'a cat' });
  });

  it('refuses a row with more cells than columns, and says where an unclosed quote makes the CSV unreadable', () => {
    expect(readBatchSource('csv', 'prompt\na,b\n').rows[0]?.problems.map((p) => p.key)).toEqual(['batch.csv_extra_cells']);
    const broken = readBatchSource('csv', 'prompt\n"never closed\n');
    expect(broken.problems).toEqual([expect.objectContaining({ key: 'batch.csv_unreadable', params: { line: 2 } })]);
  });

  it('passes a cell that does not read as its type on to the schema unchanged', () => {
    expect(cellValue('duration', 'eight')).toBe('eight');
    expect(cellValue('generate_audio', 'maybe')).toBe('maybe');
    expect(cellValue('seed', ' 7 ')).toBe(7);
    expect(cellValue('prompt', '  ')).toBeUndefined();
  });
});

describe('batch sources: JSONL', () => {
  it('takes one object of settings per line, its label apart', () => {
    const read = readBatchSource('jsonl', '{"prompt":"a","duration":4,"label":"first"}\n\n{"prompt":"b","model":"quality"}\n');
    expect(read.rows).toEqual([
      { row: 1, fields: { prompt: 'a', duration: 4 }, label: 'first', problems: [] },
      { row: 3, fields: { prompt: 'b', model: 'quality' }, problems: [] },
    ]);
  });

  it('names a line that is not JSON, not an object, or carries a bad label', () => {
    const read = readBatchSource('jsonl', '{"prompt":\n[1,2]\n{"prompt":"x","label":7}\n');
    expect(read.rows.map((r) => [r.row, r.problems.map((p) => p.key)])).toEqual([
      [1, ['batch.jsonl_not_json']],
      [2, ['batch.jsonl_not_object']],
      [3, ['batch.label']],
    ]);
  });
});

describe('shorthands every source takes', () => {
  it('reads model aliases, 4k and frames written as text', () => {
    const frame = (t: string) => ({ seen: t });
    expect(expandShorthands({ model: 'quality', resolution: '4k', first_frame_image: ' start.png ', last_frame_image: { kind: 'url', url: 'https://x.test/a.png' } }, frame)).toEqual({
      model: 'veo3.1-quality-official',
      resolution: '4K',
      first_frame_image: { seen: 'start.png' },
      last_frame_image: { kind: 'url', url: 'https://x.test/a.png' },
    });
  });
});
