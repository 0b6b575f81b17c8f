import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SequenceClipEdit } from '../../../shared/domain/sequence.js';
import type { ExportPlanView, ExportProgressView, SequenceView } from '../../../shared/ipc/sequence-views.js';
import { useStoryboard } from '../../../renderer/src/features/storyboard/storyboard-store.js';
import { ApiError } from '../../../renderer/src/app-error.js';
import { videoView } from './view-samples.js';

/**
 * The storyboard store against a fake main: what it saves (and with which
 * revision), and how an export shows its progress, its end, its failure and a
 * cancel.
 */

type Listener = (batch: ExportProgressView[]) => void;
const listeners = new Set<Listener>();
const api = vi.hoisted(() => ({
  sequence: {
    list: vi.fn(async () => ({ items: [] })),
    get: vi.fn<(i: { name: string }) => Promise<SequenceView>>(),
    save: vi.fn<(i: { name: string; revision?: string; clips: SequenceClipEdit[] }) => Promise<SequenceView>>(),
    plan: vi.fn<(i: { name: string }) => Promise<ExportPlanView>>(),
    export: vi.fn(async (i: { exportId: string }) => ({ exportId: i.exportId, fileName: 'scene.mp4' })),
    cancel: vi.fn(async () => ({ ok: true as const })),
    writeChunk: vi.fn(),
    finish: vi.fn(),
    onExportProgress: (cb: Listener) => {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
  },
  library: { get: vi.fn() },
  app: { version: vi.fn(async () => ({ version: '1.0.0' })) },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));
vi.mock('../../../renderer/src/features/viewer/probe', () => ({ probeClip: async () => ({ fps: 24, frames: 48, start: 0 }) }));

const EXPORT_ID = `exp${'a'.repeat(24)}`;
const PLAN: ExportPlanView = { exportId: EXPORT_ID, method: 'copy', durationS: 1.5, reasons: [], clips: [], target: { width: 320, height: 180, frameRate: 24 } };
const store = () => useStoryboard.getState();
const emit = (p: Omit<ExportProgressView, 'exportId'>) => {
  for (const cb of [...listeners]) cb([{ exportId: EXPORT_ID, ...p }]);
};
let revisions = 0;

beforeEach(() => {
  listeners.clear();
  vi.clearAllMocks();
  useStoryboard.setState({ names: [], name: undefined, revision: undefined, clips: [], dirty: false, error: undefined, exporting: { kind: 'idle' } });
  api.sequence.save.mockImplementation(async ({ name, clips }) => ({ name, revision: String(++revisions).padStart(64, '0'), clips: clips.map((c, ref) => ({ ...c, ref })) }));
  api.sequence.plan.mockResolvedValue(PLAN);
});

async function twoClipSequence(): Promise<void> {
  await store().add(videoView('a'), { in: 5 / 24, out: 25 / 24 });
  await store().add(videoView('b'), {});
  await store().create('scene');
}

describe('storyboard store', () => {
  it('a new sequence takes the clips gathered; a later save names the revision it edited and each clip by its stored index', async () => {
    await twoClipSequence();
    expect(api.sequence.save).toHaveBeenLastCalledWith({ name: 'scene', clips: [{ file: 'a.mp4', videoId: 'a', in: 0.208333, out: 1.083333 }, { file: 'b.mp4', videoId: 'b' }] });
    expect([store().name, store().dirty, store().names]).toEqual(['scene', false, ['scene']]);
    const first = store().revision;
    store().move(1, 0);
    store().trim(0, 'out', -24);
    expect(store().dirty).toBe(true);
    expect(await store().save()).toBe(true);
    expect(api.sequence.save).toHaveBeenLastCalledWith({ name: 'scene', revision: first, clips: [{ file: 'b.mp4', videoId: 'b', ref: 1, out: 1 }, { file: 'a.mp4', videoId: 'a', ref: 0, in: 0.208333, out: 1.083333 }] });
    expect(store().dirty).toBe(false);
  });

  it('an export shows its progress and time left, then the file it wrote; unsaved edits are saved first', async () => {
    await twoClipSequence();
    store().remove(1);
    const running = store().exportNow();
    await vi.waitFor(() => expect(api.sequence.export).toHaveBeenCalledWith({ exportId: EXPORT_ID }));
    expect(api.sequence.save).toHaveBeenCalledTimes(2);
    emit({ phase: 'writing', fraction: 0.4, etaMs: 1500 });
    expect(store().exporting).toEqual({ kind: 'running', fraction: 0.4, etaMs: 1500, method: 'copy' });
    emit({ phase: 'done', fraction: 1, done: { fileName: 'scene.mp4', sidecarName: 'scene.keyframe-export.json', method: 'copy', bytes: 1000, durationS: 0.875 } });
    await running;
    expect(store().exporting).toMatchObject({ kind: 'done', result: { fileName: 'scene.mp4' } });
  });

  it('cancel stops the export in main and leaves no failure on screen', async () => {
    await twoClipSequence();
    const running = store().exportNow();
    await vi.waitFor(() => expect(api.sequence.export).toHaveBeenCalled());
    emit({ phase: 'writing', fraction: 0.3 });
    store().cancelExport();
    await running;
    expect(api.sequence.cancel).toHaveBeenCalledWith({ exportId: EXPORT_ID });
    expect(store().exporting).toEqual({ kind: 'idle' });
  });

  it('a failed export says why, with the error main sent', async () => {
    await twoClipSequence();
    const running = store().exportNow();
    await vi.waitFor(() => expect(api.sequence.export).toHaveBeenCalled());
    emit({ phase: 'failed', fraction: 0, error: { code: 'disk_full', key: 'disk_full', message: 'The disk is full.' } });
    await running;
    expect(store().exporting).toMatchObject({ kind: 'failed', error: { code: 'disk_full', key: 'disk_full' } });
  });

  it('a save refused because another tool changed the file is shown, and nothing is exported', async () => {
    await twoClipSequence();
    store().remove(0);
    api.sequence.save.mockRejectedValueOnce(new ApiError({ code: 'invalid_request', key: 'sequence.changed', params: { name: 'scene' }, message: 'changed' }));
    await store().exportNow();
    expect(store().error).toMatchObject({ key: 'sequence.changed' });
    expect(store().dirty).toBe(true);
    expect(api.sequence.plan).not.toHaveBeenCalled();
    expect(store().exporting).toEqual({ kind: 'idle' });
  });
});
