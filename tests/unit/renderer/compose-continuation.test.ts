import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordedGenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { JobView } from '../../../shared/ipc/views.js';
import { bareContinuationDraft, continuationDraft, lineageFrameOf } from '../../../renderer/src/features/compose/continuation.js';
import type { IpcRequest } from '../../../renderer/src/features/compose/request.js';
import { FRAME_A, FRAME_B, storedFrame } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';
import { jobView } from './view-samples.js';

/**
 * "Continue from this frame": the new draft carries the parent's prompt and
 * settings with the grabbed frame first and the lineage naming the parent;
 * the lineage goes beside the request in the submit, and leaves the draft as
 * soon as its first frame is no longer the one grabbed from the parent.
 */

const api = vi.hoisted(() => ({
  jobs: { submit: vi.fn<(input: { request: IpcRequest; confirmDuplicate?: boolean; lineage?: unknown }) => Promise<JobView>>() },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

const store = async () => (await import('../../../renderer/src/features/compose/compose-store.js')).useComposeStore;
const recorded = (input: Record<string, unknown>): JobView['request'] => RecordedGenerationRequestSchema.parse(input);

const parent = {
  id: 'job1-0',
  request: recorded({
    prompt: 'a paper boat drifting down a rainy street',
    model: 'veo3.1-quality-official',
    duration: 6,
    aspect_ratio: '9:16',
    resolution: '1080p',
    seed: 42,
    first_frame_image: { kind: 'url', url: 'https://cdn.example.com/start.png' },
    last_frame_image: { kind: 'url', url: 'https://cdn.example.com/end.png' },
  }),
};
const grabbed = storedFrame(FRAME_A);

describe('continuationDraft', () => {
  it('keeps the parent’s prompt and settings, puts the grabbed frame first, drops the last frame and names the parent', () => {
    const d = continuationDraft(parent, grabbed, 'last');
    expect(d).toMatchObject({ prompt: parent.request.prompt, model: 'veo3.1-quality-official', duration: 6, aspect_ratio: '9:16', resolution: '1080p', seedMode: 'fixed', seed: 42 });
    expect(d.first).toEqual(grabbed);
    expect(d.last).toBeUndefined();
    expect(d.lineage).toEqual({ parentId: 'job1-0', frame: 'last' });
    expect(d.resize_mode).toBe('pad');
  });
});

describe('bareContinuationDraft', () => {
  it('continues a file Keyframe did not make: its embedded prompt, its orientation, the frame first, the lineage naming it', () => {
    const d = bareContinuationDraft({ id: 'bare-0123abcd', prompt: 'a harbour at dawn', portrait: true }, grabbed, 'last');
    expect(d).toMatchObject({ prompt: 'a harbour at dawn', aspect_ratio: '9:16', resize_mode: 'pad', first: grabbed, lineage: { parentId: 'bare-0123abcd', frame: 'last' } });
    expect(d.last).toBeUndefined();
  });

  it('without an embedded prompt the prompt is left to write, in landscape for a landscape file', () => {
    const d = bareContinuationDraft({ id: 'bare-9', prompt: undefined, portrait: false }, grabbed, 1.5);
    expect(d).toMatchObject({ prompt: '', aspect_ratio: '16:9', lineage: { parentId: 'bare-9', frame: 1.5 } });
  });
});

describe('lineageFrameOf', () => {
  const clock = { fps: 24, frames: 48, start: 0 };
  it('names the first and last frames, and any other by its time in whole milliseconds', () => {
    expect(lineageFrameOf(clock, 0, 0.0001)).toBe('first');
    expect(lineageFrameOf(clock, 47, 1.9584)).toBe('last');
    expect(lineageFrameOf(clock, 13, 0.5417)).toBe(0.542);
  });
  it('without a frame clock, the time the picture shows', () => {
    expect(lineageFrameOf(undefined, undefined, 1.23456)).toBe(1.235);
  });
});

describe('a continuation in the compose store', () => {
  it('opens in a new tab and its submit carries the lineage beside the request', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'what I was writing' });
    compose.getState().openDraft(continuationDraft(parent, grabbed, 'last'));
    const s = compose.getState();
    expect(s.tabs).toHaveLength(2);
    expect(s.prompt).toBe(parent.request.prompt);
    expect(s.tabs.find((tab) => tab.id !== s.activeTab)?.draft.prompt).toBe('what I was writing');
    api.jobs.submit.mockResolvedValueOnce(jobView({ id: 'job-2' }));
    expect(await compose.getState().submit()).toBe(true);
    const sent = api.jobs.submit.mock.calls[0]?.[0];
    expect(sent?.lineage).toEqual({ parentId: 'job1-0', frame: 'last' });
    expect(sent?.request.first_frame_image).toEqual({ kind: 'frame', frameId: FRAME_A });
    expect(sent?.request).not.toHaveProperty('lineage');
  });

  it('drops the lineage once the first frame is replaced, swapped away or removed; other edits keep it', async () => {
    const compose = await store();
    const open = () => compose.getState().openDraft(continuationDraft(parent, grabbed, 'last'));
    open();
    compose.getState().update({ prompt: 'the boat reaches the harbour', duration: 8 });
    compose.getState().update({ last: storedFrame(FRAME_B) });
    expect(compose.getState().lineage).toEqual({ parentId: 'job1-0', frame: 'last' });
    compose.getState().swapFrames();
    expect(compose.getState().lineage).toBeUndefined();

    open();
    compose.getState().clearFrame('first');
    expect(compose.getState().lineage).toBeUndefined();

    open();
    compose.getState().update({ first: storedFrame(FRAME_B) });
    expect(compose.getState().lineage).toBeUndefined();
    api.jobs.submit.mockResolvedValueOnce(jobView({ id: 'job-3' }));
    compose.getState().update({ prompt: 'no longer a continuation' });
    await compose.getState().submit();
    expect(api.jobs.submit.mock.calls[0]?.[0]).not.toHaveProperty('lineage');
  });

  it('"Queue again" after a duplicate sends the held lineage too; a new tab starts without one', async () => {
    const compose = await store();
    compose.getState().openDraft(continuationDraft(parent, grabbed, 2.5));
    const { ApiError } = await import('../../../renderer/src/app-error.js');
    api.jobs.submit.mockRejectedValueOnce(new ApiError({ code: 'duplicate_submit', key: 'job.duplicate_submit', params: { seconds: 2 }, message: 'again?' }));
    await compose.getState().submit();
    api.jobs.submit.mockResolvedValueOnce(jobView({ id: 'job-4' }));
    await compose.getState().confirmDuplicate();
    expect(api.jobs.submit.mock.calls[1]?.[0]).toMatchObject({ confirmDuplicate: true, lineage: { parentId: 'job1-0', frame: 2.5 } });
    compose.getState().newTab();
    expect(compose.getState().lineage).toBeUndefined();
    expect(compose.getState().first).toBeUndefined();
  });

  it('survives a reload with its tab', async () => {
    const compose = await store();
    compose.getState().openDraft(continuationDraft(parent, grabbed, 'last'));
    vi.resetModules();
    const again = await store();
    expect(again.getState().lineage).toEqual({ parentId: 'job1-0', frame: 'last' });
  });
});

describe('Reuse settings of a continuation', () => {
  const continued = recorded({ prompt: 'the boat reaches the harbour', first_frame_image: { kind: 'file', path: `/data/frames/${FRAME_A}.png` } });

  it('keeps the lineage: the reused draft starts from the same frame of the same parent', async () => {
    const compose = await store();
    compose.getState().loadRequest(continued, { parentId: 'job1-0', frame: 'last' });
    expect(compose.getState().first?.ref).toEqual({ kind: 'frame', frameId: FRAME_A });
    expect(compose.getState().lineage).toEqual({ parentId: 'job1-0', frame: 'last' });
  });

  it('leaves it out when the first frame could not be reused, and for a request that continued nothing', async () => {
    const compose = await store();
    compose.getState().loadRequest(recorded({ prompt: 'x', first_frame_image: { kind: 'file', path: '/home/me/a.png' } }), { parentId: 'job1-0', frame: 'last' });
    expect(compose.getState().lineage).toBeUndefined();
    compose.getState().loadRequest(continued);
    expect(compose.getState().lineage).toBeUndefined();
  });

  it('leaves out a parent id main would refuse (a hand-edited sidecar), keeping the rest of the draft', async () => {
    const compose = await store();
    compose.getState().loadRequest(continued, { parentId: '../not an id', frame: 'last' });
    expect(compose.getState().lineage).toBeUndefined();
    expect(compose.getState().prompt).toBe('the boat reaches the harbour');
  });
});
