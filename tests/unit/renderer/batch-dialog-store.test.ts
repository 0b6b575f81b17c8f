import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../../../shared/error-messages.js';
import type { BatchView } from '../../../shared/ipc/views.js';
import type { BatchPlanView, PlanInput } from '../../../renderer/src/features/batch/batch-form.js';
import { MemoryStorage } from './support/memory-storage.js';

/**
 * The batch dialog's store with the page's API stubbed: the dry run answers
 * the form as it is (a late answer for an edited form is dropped), Queue is
 * refused while any row has a problem or the plan is behind the form, and a
 * queued batch is the input the plan on screen was made for.
 */

const api = vi.hoisted(() => ({
  batch: {
    plan: vi.fn<(input: PlanInput) => Promise<BatchPlanView>>(),
    queue: vi.fn<(input: PlanInput & { name?: string }) => Promise<BatchView>>(),
    list: vi.fn<(input: object) => Promise<BatchView[]>>(),
    pause: vi.fn<(input: { id: string }) => Promise<BatchView>>(),
    resume: vi.fn<(input: { id: string }) => Promise<BatchView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

async function stores() {
  const { useBatchDialogStore, planIsCurrent } = await import('../../../renderer/src/features/batch/batch-dialog-store.js');
  const { useBatchesStore } = await import('../../../renderer/src/features/batch/batches-store.js');
  const { useComposeStore } = await import('../../../renderer/src/features/compose/compose-store.js');
  useComposeStore.getState().update({ prompt: 'a lighthouse at dawn', duration: 4 });
  return { dialog: useBatchDialogStore, batches: useBatchesStore, planIsCurrent };
}

const request = (prompt: string, seed?: number) => ({
  prompt,
  model: 'veo3.1-fast-official' as const,
  duration: 4 as const,
  aspect_ratio: '16:9' as const,
  resolution: '720p' as const,
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult' as const,
  ...(seed === undefined ? {} : { seed }),
});
const estimate = { usd: 0.256, perSecondUsd: 0.064, seconds: 4, samples: 1, asOf: '2026-09-14', source: 'bundled' as const, isEstimate: true as const };

function planOf(rows: { prompt?: string; seed?: number; bad?: boolean }[]): BatchPlanView {
  return {
    rows: rows.map((r, i) =>
      r.bad
        ? { row: i + 1, errors: [{ ...errorMessage('request.prompt.too_long', { max: 4000 }), field: 'prompt' }] }
        : { row: i + 1, request: request(r.prompt ?? 'p', r.seed), errors: [], estimate },
    ),
    errors: [],
    jobs: rows.length,
    videos: rows.filter((r) => !r.bad).length,
    total: { usd: 0.256 * rows.filter((r) => !r.bad).length, isEstimate: true },
    ok: rows.every((r) => !r.bad),
  };
}

const batchView = (patch: Partial<BatchView> = {}): BatchView => ({
  id: 'b1',
  createdAt: 1,
  source: 'text',
  state: 'running',
  jobs: 3,
  done: 0,
  failed: 0,
  needsAttention: 0,
  active: 0,
  rows: [],
  ...patch,
});

const BAD = `a paper boat\na crane\n${'x'.repeat(4001)}`;
const GOOD = 'a paper boat\na crane\na kite over the dunes';

describe('the batch dialog store', () => {
  it('a batch with a bad row is planned but not queued; once fixed, the plan’s own input is queued as one batch', async () => {
    const { dialog, batches, planIsCurrent } = await stores();
    api.batch.plan.mockResolvedValueOnce(planOf([{}, {}, { bad: true }]));
    dialog.getState().edit({ text: BAD });
    await dialog.getState().runPlan();
    expect(api.batch.plan).toHaveBeenCalledWith({ source: { kind: 'text', text: BAD }, defaults: expect.objectContaining({ duration: 4 }) });
    expect(api.batch.plan.mock.calls[0]?.[0].defaults).not.toHaveProperty('prompt');
    expect(planIsCurrent(dialog.getState())).toBe(true);
    expect(await dialog.getState().queue()).toBe(false);
    expect(api.batch.queue).not.toHaveBeenCalled();

    api.batch.plan.mockResolvedValueOnce(planOf([{}, {}, {}]));
    dialog.getState().edit({ text: GOOD });
    // Until the dry run answers the edited form, the old plan is no licence to queue.
    expect(planIsCurrent(dialog.getState())).toBe(false);
    expect(await dialog.getState().queue()).toBe(false);
    await dialog.getState().runPlan();
    api.batch.queue.mockResolvedValueOnce(batchView());
    dialog.getState().edit({ name: 'storyboard' });
    await dialog.getState().runPlan();
    // The name is not part of the plan: no second dry run for it.
    expect(api.batch.plan).toHaveBeenCalledTimes(2);
    expect(await dialog.getState().queue()).toBe(true);
    expect(api.batch.queue).toHaveBeenCalledTimes(1);
    expect(api.batch.queue.mock.calls[0]?.[0]).toMatchObject({ source: { kind: 'text', text: GOOD }, name: 'storyboard' });
    // The batch shows at once (events follow), and the form starts over so a second press queues nothing.
    expect(batches.getState().order).toEqual(['b1']);
    expect(dialog.getState()).toMatchObject({ queuedId: 'b1', plan: undefined, form: expect.objectContaining({ text: '', name: '' }) });
    expect(await dialog.getState().queue()).toBe(false);
  });

  it('drops a dry run that answers a form since edited', async () => {
    const { dialog } = await stores();
    let answerOld: (plan: BatchPlanView) => void = () => undefined;
    api.batch.plan.mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve)));
    dialog.getState().edit({ text: 'old' });
    const old = dialog.getState().runPlan();
    dialog.getState().edit({ text: 'new' });
    api.batch.plan.mockResolvedValueOnce(planOf([{ prompt: 'new' }]));
    await dialog.getState().runPlan();
    answerOld(planOf([{ prompt: 'old' }]));
    await old;
    expect(dialog.getState().plan?.view.rows[0]?.request?.prompt).toBe('new');
  });

  it('queues a drawn seed sweep with the very seeds its dry run showed', async () => {
    const { dialog } = await stores();
    api.batch.plan.mockResolvedValueOnce(planOf([{ seed: 11 }, { seed: 22 }, { seed: 33 }]));
    dialog.getState().edit({ mode: 'sweep', seedMode: 'count', seedCount: 3 });
    await dialog.getState().runPlan();
    expect(api.batch.plan.mock.calls[0]?.[0]).toMatchObject({ source: { kind: 'sweep', seeds: { count: 3 } }, defaults: { prompt: 'a lighthouse at dawn' } });
    api.batch.queue.mockResolvedValueOnce(batchView({ source: 'sweep' }));
    expect(await dialog.getState().queue()).toBe(true);
    expect(api.batch.queue.mock.calls[0]?.[0].source).toEqual({ kind: 'sweep', seeds: { list: [11, 22, 33] } });
  });

  it('shows main’s refusal and keeps the form when queueing fails', async () => {
    const { dialog } = await stores();
    api.batch.plan.mockResolvedValueOnce(planOf([{}]));
    dialog.getState().edit({ text: 'a kite' });
    await dialog.getState().runPlan();
    api.batch.queue.mockRejectedValueOnce({ code: 'missing_key', message: 'No APIMart API key is set.', key: 'key.missing' });
    expect(await dialog.getState().queue()).toBe(false);
    expect(dialog.getState().queueError).toMatchObject({ code: 'missing_key' });
    expect(dialog.getState().form.text).toBe('a kite');
  });

  it('reads an imported file as text and takes its kind from the name; a file too large is refused unread', async () => {
    const { dialog } = await stores();
    await dialog.getState().importFile(new File(['prompt,duration\n"a fox",8\n'], 'shots.csv'));
    expect(dialog.getState().form).toMatchObject({ mode: 'list', kind: 'csv', text: 'prompt,duration\n"a fox",8\n', fileName: 'shots.csv' });
    const huge = { name: 'huge.txt', size: 5_000_000, text: vi.fn() } as unknown as File;
    await dialog.getState().importFile(huge);
    expect(dialog.getState().fileProblem).toEqual({ kind: 'too_large' });
    expect((huge as unknown as { text: ReturnType<typeof vi.fn> }).text).not.toHaveBeenCalled();
  });
});

describe('the batches store', () => {
  it('mirrors batch:list and batches:updated, newest first, and pauses and resumes by id', async () => {
    const { batches } = await stores();
    api.batch.list.mockResolvedValueOnce([batchView({ id: 'old', createdAt: 1 }), batchView({ id: 'new', createdAt: 2 })]);
    await batches.getState().load();
    expect(batches.getState().order).toEqual(['new', 'old']);
    batches.getState().apply([batchView({ id: 'old', createdAt: 1, done: 2 })]);
    expect(batches.getState().batches.old?.done).toBe(2);
    api.batch.pause.mockResolvedValueOnce(batchView({ id: 'new', createdAt: 2, state: 'paused' }));
    await batches.getState().setPaused('new', true);
    expect(api.batch.pause).toHaveBeenCalledWith({ id: 'new' });
    expect(batches.getState().batches.new?.state).toBe('paused');
    api.batch.resume.mockRejectedValueOnce({ code: 'not_found', message: 'That batch no longer exists.', key: 'batch.gone' });
    await batches.getState().setPaused('new', false);
    expect(batches.getState().actionError).toMatchObject({ id: 'new', error: { code: 'not_found' } });
  });
});
