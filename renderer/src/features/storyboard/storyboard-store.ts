import { create } from 'zustand';
import type { ExportDoneView } from '../../../../shared/ipc/sequence-views';
import type { VideoView } from '../../../../shared/ipc/views';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { runSequenceExport } from '../export';
import { probeClip } from '../viewer/probe';
import { clipFromMarks, clipKey, moveClip, toEdits, trimBy, type StoryClip } from './storyboard-edit';

/**
 * The storyboard under the Library viewer: the sequence open in it (a
 * `<name>.keyframe-sequence.json` in the output folder), its unsaved edits,
 * and its export. Saving names the revision it started from, so a file
 * another tool changed meanwhile is reported, never overwritten.
 */

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number; etaMs?: number; method?: 'copy' | 'reencode' }
  | { kind: 'done'; result: ExportDoneView }
  | { kind: 'failed'; error: CallError };

interface StoryboardState {
  names: string[];
  name: string | undefined;
  revision: string | undefined;
  clips: StoryClip[];
  dirty: boolean;
  error: CallError | undefined;
  exporting: ExportState;
  refresh(): Promise<void>;
  open(name: string): Promise<void>;
  create(name: string): Promise<void>;
  add(video: VideoView, marks: { in?: number; out?: number }): Promise<void>;
  move(from: number, to: number): void;
  trim(index: number, edge: 'in' | 'out', frames: number): void;
  remove(index: number): void;
  save(): Promise<boolean>;
  exportNow(): Promise<void>;
  cancelExport(): void;
}

let controller: AbortController | undefined;

/** The frame clock of each clip that has a media URL, read in the background; trims wait for it. */
function readClocks(clips: StoryClip[]): void {
  for (const c of clips) {
    if (c.clock || !c.mediaUrl) continue;
    probeClip(c.mediaUrl)
      .then((clock) => useStoryboard.setState((s) => ({ clips: s.clips.map((x) => (x.key === c.key ? { ...x, clock } : x)) })))
      .catch(() => undefined);
  }
}

export const useStoryboard = create<StoryboardState>()((set, get) => {
  const edit = (clips: StoryClip[]) => set({ clips, dirty: true, error: undefined, ...(get().exporting.kind === 'running' ? {} : { exporting: { kind: 'idle' } }) });
  const fail = (err: unknown) => set({ error: toAppError(err) });

  return {
    names: [],
    name: undefined,
    revision: undefined,
    clips: [],
    dirty: false,
    error: undefined,
    exporting: { kind: 'idle' },

    async refresh() {
      try {
        const { items } = await api.sequence.list({});
        set({ names: items.filter((i) => !i.damaged).map((i) => i.name) });
      } catch (err) {
        fail(err);
      }
    },

    async open(name) {
      try {
        const view = await api.sequence.get({ name });
        const clips = await Promise.all(
          view.clips.map(async (c): Promise<StoryClip> => {
            const video = c.videoId ? await api.library.get({ id: c.videoId }).catch(() => undefined) : undefined;
            return {
              key: clipKey(),
              file: c.file,
              ref: c.ref,
              ...(c.title === undefined ? {} : { title: c.title }),
              ...(c.in === undefined ? {} : { in: c.in }),
              ...(c.out === undefined ? {} : { out: c.out }),
              ...(video ? { videoId: video.id, mediaUrl: video.mediaUrl, ...(video.posterUrl ? { posterUrl: video.posterUrl } : {}) } : {}),
            };
          }),
        );
        set({ name: view.name, revision: view.revision, clips, dirty: false, error: undefined, exporting: { kind: 'idle' } });
        readClocks(clips);
      } catch (err) {
        fail(err);
      }
    },

    async create(name) {
      // Clips gathered before any sequence was open become the new one's; an open sequence stays as it is.
      const clips = get().name === undefined ? get().clips.map(({ ref: _ref, ...c }) => c) : [];
      try {
        const view = await api.sequence.save({ name, clips: toEdits(clips) });
        set((s) => ({ name: view.name, revision: view.revision, clips: clips.map((c, i) => ({ ...c, ref: i })), dirty: false, error: undefined, exporting: { kind: 'idle' }, names: [...new Set([...s.names, view.name])].sort() }));
      } catch (err) {
        fail(err);
      }
    },

    async add(video, marks) {
      const clock = await probeClip(video.mediaUrl).catch(() => undefined);
      const clip = clipFromMarks({ file: video.fileName, videoId: video.id, mediaUrl: video.mediaUrl, ...(video.posterUrl ? { posterUrl: video.posterUrl } : {}) }, marks, clock);
      edit([...get().clips, clip]);
    },

    move: (from, to) => edit(moveClip(get().clips, from, to)),
    trim: (index, edgeName, frames) => edit(get().clips.map((c, i) => (i === index ? trimBy(c, edgeName, frames) : c))),
    remove: (index) => edit(get().clips.filter((_, i) => i !== index)),

    async save() {
      const { name, revision, clips } = get();
      if (!name) return false;
      try {
        const view = await api.sequence.save({ name, ...(revision ? { revision } : {}), clips: toEdits(clips) });
        // The stored order is the edit's now: each clip's ref is its new index.
        set((s) => ({ revision: view.revision, clips: s.clips.map((c, i) => ({ ...c, ref: i })), dirty: false, error: undefined }));
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },

    async exportNow() {
      const { name, dirty, exporting } = get();
      if (!name || exporting.kind === 'running') return;
      if (dirty && !(await get().save())) return;
      controller = new AbortController();
      const mine = controller;
      set({ exporting: { kind: 'running', fraction: 0 }, error: undefined });
      try {
        const result = await runSequenceExport(api, name, {
          signal: mine.signal,
          onPlan: (plan) => set({ exporting: { kind: 'running', fraction: 0, method: plan.method } }),
          onProgress: (p) => set({ exporting: { kind: 'running', fraction: p.fraction, method: p.method, ...(p.etaMs === undefined ? {} : { etaMs: p.etaMs }) } }),
        });
        set({ exporting: { kind: 'done', result } });
      } catch (err) {
        const app = (err as { app?: unknown }).app;
        set({ exporting: mine.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error: toAppError(app ?? err) } });
      } finally {
        if (controller === mine) controller = undefined;
      }
    },

    cancelExport() {
      controller?.abort();
    },
  };
});
