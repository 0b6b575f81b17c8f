import type { KeyframeVideoView, VideoView } from '../../shared/ipc/views.js';
import type { LibraryEntry, SidecarEntry } from '../../shared/domain/video.js';

/** The entry as one with a sidecar; undefined for none or for a bare video (a test expecting a sidecar then fails on it). */
export function sidecarEntry(e: LibraryEntry | undefined): SidecarEntry | undefined {
  return e && e.kind !== 'bare' ? e : undefined;
}

/** The view as a Keyframe video's (with its request); undefined for none or for a bare video. */
export function keyframeView(v: VideoView | undefined): KeyframeVideoView | undefined {
  return v && v.kind !== 'bare' ? v : undefined;
}

export function keyframeViews(vs: readonly VideoView[]): KeyframeVideoView[] {
  return vs.flatMap((v) => (v.kind === 'bare' ? [] : [v]));
}
