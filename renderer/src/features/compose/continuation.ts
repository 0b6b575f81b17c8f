import type { FrameClock } from '../viewer/frame-math';
import { frameTime } from '../viewer/frame-math';
import type { ComposeFrame, Draft } from './draft';
import type { DraftLineage } from './draft-lineage';
import { DEFAULT_DRAFT, draftFromRequest, type RecordedRequest } from './request';

/**
 * "Continue from this frame": a new draft that starts where a library video
 * left off. It takes the parent's settings and prompt (the person usually
 * wants the same shot carried on, and the grabbed frame has the parent's
 * shape, so its aspect and resolution fit it), the grabbed frame as its first
 * frame, no last frame (the parent's last frame would end the new clip where
 * it starts), and the lineage naming the parent.
 */
export function continuationDraft(parent: { id: string; request: RecordedRequest }, first: ComposeFrame, frame: DraftLineage['frame']): Draft {
  const { first: _first, last: _last, ...settings } = draftFromRequest(parent.request).draft;
  return { ...settings, resize_mode: settings.resize_mode ?? 'pad', first, lineage: { parentId: parent.id, frame } };
}

/**
 * Continuing a video Keyframe did not make (a bare file: no request to carry
 * on): the default settings, in the file's own orientation, with the prompt
 * its embedded provenance names (else an empty prompt to write), its frame
 * as the first frame, and the lineage naming it.
 */
export function bareContinuationDraft(parent: { id: string; prompt: string | undefined; portrait: boolean }, first: ComposeFrame, frame: DraftLineage['frame']): Draft {
  const { first: _first, last: _last, ...settings } = DEFAULT_DRAFT;
  return {
    ...settings,
    prompt: parent.prompt ?? '',
    aspect_ratio: parent.portrait ? '9:16' : '16:9',
    resize_mode: 'pad',
    first,
    lineage: { parentId: parent.id, frame },
  };
}

/** Whole milliseconds: a frame's time is a float sum (1/24 s…), and the sidecar should say 1.958, not 1.9583333333333333. */
const toMs = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** How the lineage names frame `n` of a clip: its first, its last, or its time in seconds. */
export function lineageFrameOf(clock: FrameClock | undefined, n: number | undefined, seconds: number): DraftLineage['frame'] {
  if (!clock || n === undefined) return toMs(Math.max(0, seconds));
  if (n <= 0) return 'first';
  if (n >= clock.frames - 1) return 'last';
  return toMs(frameTime(clock, n));
}
