import { describe, expect, it } from 'vitest';
import { BatchSourceSchema, BatchDefaultsSchema, BATCH_TEXT_MAX } from '../../../shared/ipc/contract.js';
import {
  emptyForm,
  kindOfFile,
  parseSeedList,
  planRequest,
  queueInput,
  type BatchForm,
  type BatchPlanView,
  type PlanInput,
} from '../../../renderer/src/features/batch/batch-form.js';
import { draftWith, FRAME_A, FULL_DRAFT } from './support/compose-samples.js';

/**
 * The batch form → what `batch:plan` is asked: a list goes as text of its
 * kind (main reads CSV and JSON Lines), a sweep as seeds and a grid over the
 * draft's prompt, and every row's defaults are the draft's settings. Every
 * input made here passes the contract's own schemas.
 */

const form = (patch: Partial<BatchForm>): BatchForm => ({ ...emptyForm(), ...patch });

function ready(f: BatchForm, draft = FULL_DRAFT): PlanInput {
  const asked = planRequest(f, draft);
  if (asked.state !== 'ready') throw new Error(`expected a plan input, got ${JSON.stringify(asked)}`);
  // What main would refuse before planning is refused here too.
  BatchSourceSchema.parse(asked.input.source);
  BatchDefaultsSchema.parse(asked.input.defaults);
  return asked.input;
}

describe('planRequest: a pasted or imported list', () => {
  it('sends a list of prompts as text, with the draft’s settings but not its prompt as defaults', () => {
    const input = ready(form({ text: 'a paper boat\na crane\n' }));
    expect(input.source).toEqual({ kind: 'text', text: 'a paper boat\na crane\n' });
    expect(input.defaults).toEqual({
      model: 'veo3.1-quality-official',
      negative_prompt: 'blur',
      duration: 4,
      aspect_ratio: '9:16',
      resolution: '1080p',
      first_frame_image: { kind: 'frame', frameId: FRAME_A },
      last_frame_image: { kind: 'url', url: 'https://cdn.example.com/end.png' },
      seed: 42,
      sample_count: 3,
      generate_audio: true,
      person_generation: 'disallow',
      resize_mode: 'crop',
      enhance_prompt: true,
    });
  });

  it('a draft prompt too long for a request does not stop a list that brings its own prompts', () => {
    const input = ready(form({ text: 'a kite' }), draftWith({ prompt: 'x'.repeat(5000) }));
    expect(input.defaults).not.toHaveProperty('prompt');
  });

  it('sends a CSV or JSON Lines file as its text, untouched, with the draft’s prompt for rows without one', () => {
    const csv = 'prompt,duration\n"a, quoted prompt",5\n';
    expect(ready(form({ kind: 'csv', text: csv })).source).toEqual({ kind: 'csv', text: csv });
    expect(ready(form({ kind: 'csv', text: csv })).defaults.prompt).toBe(FULL_DRAFT.prompt);
    const jsonl = '{"prompt": "a fox"}\n';
    expect(ready(form({ kind: 'jsonl', text: jsonl })).source).toEqual({ kind: 'jsonl', text: jsonl });
    // An empty draft prompt is no default: a row without one is then refused for it, by row.
    expect(ready(form({ kind: 'csv', text: csv }), draftWith({ prompt: '  ' })).defaults).not.toHaveProperty('prompt');
  });

  it('asks nothing for a blank list, and says so itself when the text is larger than a batch may be', () => {
    expect(planRequest(form({ text: ' \n\n' }), FULL_DRAFT)).toEqual({ state: 'idle' });
    const huge = 'a\n'.repeat(BATCH_TEXT_MAX / 2 + 1);
    expect(planRequest(form({ text: huge }), FULL_DRAFT)).toEqual({ state: 'problem', problem: { kind: 'too_large', size: huge.length } });
  });

  it('tells a file’s kind from its name', () => {
    expect(['shots.csv', 'SHOTS.CSV', 'rows.jsonl', 'rows.ndjson', 'prompts.txt', 'prompts', 'a.csv.txt'].map(kindOfFile)).toEqual([
      'csv',
      'csv',
      'jsonl',
      'jsonl',
      'text',
      'text',
      'text',
    ]);
  });
});

describe('planRequest: a sweep', () => {
  it('a seed count and a model × duration grid become one sweep source; unticked settings are left to the draft', () => {
    const input = ready(
      form({
        mode: 'sweep',
        seedMode: 'count',
        seedCount: 3,
        grid: { model: ['veo3.1-fast-official', 'veo3.1-quality-official'], duration: [4, 8], aspect_ratio: [], resolution: [] },
      }),
    );
    expect(input.source).toEqual({
      kind: 'sweep',
      seeds: { count: 3 },
      grid: { model: ['veo3.1-fast-official', 'veo3.1-quality-official'], duration: [4, 8] },
    });
    expect(input.defaults.prompt).toBe(FULL_DRAFT.prompt);
    expect(input.defaults.duration).toBe(4);
  });

  it('a typed seed list is read as numbers, separated by commas or spaces', () => {
    expect(ready(form({ mode: 'sweep', seedMode: 'list', seedList: ' 1, 42 1234;7 ' })).source).toEqual({ kind: 'sweep', seeds: { list: [1, 42, 1234, 7] } });
    expect(parseSeedList('1, 2x, 3')).toEqual({ notSeed: '2x' });
    expect(parseSeedList('4294967296')).toEqual({ notSeed: '4294967296' });
    expect(parseSeedList('4294967295')).toEqual({ seeds: [4_294_967_295] });
  });

  it('names the first word that is no seed, and refuses a count the sweep schema refuses, before asking main', () => {
    expect(planRequest(form({ mode: 'sweep', seedMode: 'list', seedList: '1, -2' }), FULL_DRAFT)).toEqual({
      state: 'problem',
      problem: { kind: 'not_seed', text: '-2' },
    });
    const tooMany = planRequest(form({ mode: 'sweep', seedMode: 'count', seedCount: 51 }), FULL_DRAFT);
    expect(tooMany).toMatchObject({ state: 'problem', problem: { kind: 'schema', issue: { field: 'seeds.count' } } });
  });

  it('asks nothing while the sweep varies nothing (the draft’s seed, nothing ticked, an empty seed list)', () => {
    expect(planRequest(form({ mode: 'sweep' }), FULL_DRAFT)).toEqual({ state: 'idle' });
    expect(planRequest(form({ mode: 'sweep', seedMode: 'list', seedList: ' , ' }), FULL_DRAFT)).toEqual({ state: 'idle' });
  });
});

describe('queueInput: what the dry run showed is what is queued', () => {
  const planWithSeeds = (seeds: (number | undefined)[]): BatchPlanView =>
    ({
      rows: seeds.map((seed, i) => ({ row: i + 1, errors: [], request: { prompt: 'p', ...(seed === undefined ? {} : { seed }) } })),
      errors: [],
      jobs: seeds.length,
      videos: seeds.length,
      total: { usd: 0, isEstimate: true },
      ok: true,
    }) as unknown as BatchPlanView;

  it('sends the seeds a drawn sweep showed as a list (main would draw new ones), in order, once each', () => {
    const input = ready(form({ mode: 'sweep', seedMode: 'count', seedCount: 2, grid: { model: [], duration: [4, 8], aspect_ratio: [], resolution: [] } }));
    // Two durations × two drawn seeds: the grid repeats the seeds for each duration.
    const queued = queueInput(input, planWithSeeds([907, 13, 907, 13]));
    expect(queued.source).toEqual({ kind: 'sweep', seeds: { list: [907, 13] }, grid: { duration: [4, 8] } });
    expect(queued.defaults).toBe(input.defaults);
  });

  it('leaves a list, a seed list and a sweep without drawn seeds as they are', () => {
    const list = ready(form({ text: 'a\nb' }));
    expect(queueInput(list, planWithSeeds([1, 2]))).toBe(list);
    const seedList = ready(form({ mode: 'sweep', seedMode: 'list', seedList: '5 6' }));
    expect(queueInput(seedList, planWithSeeds([5, 6]))).toBe(seedList);
  });
});
