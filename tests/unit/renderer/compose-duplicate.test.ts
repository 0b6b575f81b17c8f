import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../renderer/src/app-error.js';
import type { IpcRequest } from '../../../renderer/src/features/compose/request.js';
import type { JobView } from '../../../shared/ipc/views.js';
import { MemoryStorage } from './support/memory-storage.js';
import { jobView } from './view-samples.js';

/**
 * A submit main holds back as a duplicate becomes a question, not an error:
 * "Queue again" sends the very request that was held back, saying the person
 * confirmed; Cancel sends nothing.
 */

const api = vi.hoisted(() => ({
  jobs: { submit: vi.fn<(input: { request: IpcRequest; confirmDuplicate?: boolean }) => Promise<JobView>>() },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

const store = async () => (await import('../../../renderer/src/features/compose/compose-store.js')).useComposeStore;
const duplicate = (seconds: number | string) =>
  new ApiError({ code: 'duplicate_submit', key: 'job.duplicate_submit', params: { seconds }, message: `The same job was queued ${seconds} s ago.` });

describe('a submit held back as a duplicate', () => {
  it('asks instead of showing an error, with how long ago main said', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'a paper boat' });
    api.jobs.submit.mockRejectedValueOnce(duplicate(2));
    expect(await compose.getState().submit()).toBe(false);
    const s = compose.getState();
    expect(s.error).toBeUndefined();
    expect(s.submitting).toBe(false);
    expect(s.duplicate?.seconds).toBe(2);
    expect(s.duplicate?.request.prompt).toBe('a paper boat');
  });

  it('"Queue again" sends the held-back request with confirmDuplicate, even if the draft changed', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'a paper boat' });
    api.jobs.submit.mockRejectedValueOnce(duplicate(3));
    await compose.getState().submit();
    const held = compose.getState().duplicate?.request;
    compose.setState({ prompt: 'something typed meanwhile' });
    api.jobs.submit.mockResolvedValueOnce(jobView({ id: 'job-2' }));
    expect(await compose.getState().confirmDuplicate()).toBe(true);
    expect(api.jobs.submit).toHaveBeenLastCalledWith({ request: held, confirmDuplicate: true });
    expect(compose.getState()).toMatchObject({ duplicate: undefined, lastJobId: 'job-2', submitting: false });
  });

  it('Cancel sends nothing, and another press while asking is no answer', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'a paper boat' });
    api.jobs.submit.mockRejectedValueOnce(duplicate(1));
    await compose.getState().submit();
    expect(await compose.getState().submit()).toBe(false);
    compose.getState().cancelDuplicate();
    expect(compose.getState().duplicate).toBeUndefined();
    expect(await compose.getState().confirmDuplicate()).toBe(false);
    expect(api.jobs.submit).toHaveBeenCalledTimes(1);
  });

  it('reads odd seconds as "moments ago" rather than failing', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'a paper boat' });
    api.jobs.submit.mockRejectedValueOnce(duplicate('soon'));
    await compose.getState().submit();
    expect(compose.getState().duplicate?.seconds).toBe(1);
  });

  it('shows any other refusal as an error, as before', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'a paper boat' });
    api.jobs.submit.mockRejectedValueOnce(new ApiError({ code: 'missing_key', key: 'key.missing', message: 'No key.' }));
    await compose.getState().submit();
    expect(compose.getState()).toMatchObject({ duplicate: undefined, error: { code: 'missing_key' } });
  });
});
