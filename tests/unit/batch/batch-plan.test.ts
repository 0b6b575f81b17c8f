import { describe, expect, it } from 'vitest';
import { planBatch, planProblems } from '../../../electron/core/batch/batch-plan.js';
import { readBatchSource } from '../../../electron/core/batch/batch-source.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';

const frameFromText = (t: string) => ({ kind: 'url', url: t });
const plan = (kind: 'text' | 'csv' | 'jsonl', text: string, defaults: Record<string, unknown> = {}) =>
  planBatch(readBatchSource(kind, text), defaults, { schema: GenerationRequestSchema, frameFromText });

describe('batch plan: every row checked by the request schema, with its estimate and the total', () => {
  it('gives each row the defaults it does not set itself, and prices every row', () => {
    const p = plan('csv', 'prompt,duration,sample_count\na boat,4,\na crane,,2\n', { duration: 6, generate_audio: true, model: 'veo3.1-fast-official' });
    expect(p.ok).toBe(true);
    expect(p.rows.map((r) => [r.row, r.request?.duration, r.request?.sample_count, r.request?.generate_audio])).toEqual([
      [2, 4, 1, true],
      [3, 6, 2, true],
    ]);
    // 0.08 USD/s with audio: 4 s × 1 and 6 s × 2.
    expect(p.rows.map((r) => r.estimate?.usd)).toEqual([0.32, 0.96]);
    expect(p).toMatchObject({ jobs: 2, videos: 3, total: { usd: 1.28, isEstimate: true } });
  });

  it('names each problem by row and field, worded from the catalog', () => {
    const p = plan('csv', 'prompt,duration,aspect_ratio\na boat,4,16:9\nbad,5,4:3\n');
    expect(p.ok).toBe(false);
    expect(p.rows[0]?.errors).toEqual([]);
    expect(planProblems(p).map((e) => [e.row, e.field, e.key])).toEqual([
      [3, 'duration', 'request.duration'],
      [3, 'aspect_ratio', 'request.aspect_ratio'],
    ]);
    expect(p.rows[1]?.request).toBeUndefined();
  });

  it('prices every row, 4K included, and sums them', () => {
    const p = plan('jsonl', '{"prompt":"a","resolution":"4K"}\n{"prompt":"b","duration":4}\n');
    // 4K fast without audio: 0.20 USD/s × 8 s; 720p fast: 0.064 USD/s × 4 s.
    expect(p.rows[0]?.estimate?.usd).toBe(1.6);
    expect(p.total).toEqual({ usd: 1.856, isEstimate: true });
  });

  it('refuses an unknown key in a JSONL row under its own name, and a batch with no rows', () => {
    expect(planProblems(plan('jsonl', '{"prompt":"a","sead":3}\n')).map((e) => [e.row, e.field, e.key])).toEqual([[1, 'sead', 'schema.unknown_key']]);
    const empty = plan('text', '# nothing yet\n');
    expect(empty.ok).toBe(false);
    expect(planProblems(empty).map((e) => e.key)).toEqual(['batch.empty']);
  });

  it('checks a frame written as text the way the caller reads it', () => {
    const p = plan('csv', 'prompt,first_frame_image\na,http://192.168.1.5/a.png\n');
    expect(planProblems(p).map((e) => [e.row, e.field])).toEqual([[2, 'first_frame_image.url']]);
  });
});
