import type { FrameView, VideoView } from '../../../../shared/ipc/views.js';
import { useNavigationStore, type View } from '../../navigation-store';
import { useComposeStore } from '../compose/compose-store';

/** The library's hand-offs to other features: switch view, fill the compose draft. */

export function go(view: View): void {
  useNavigationStore.getState().go(view);
}

/** Loads a video's settings into the compose draft and opens the studio. */
export function reuseSettings(video: VideoView): boolean {
  // A bare video has no request: nothing to reuse.
  if (video.kind === 'bare') return false;
  useComposeStore.getState().loadRequest(video.request, video.lineage);
  go('studio');
  return true;
}

/** Hands a grabbed frame to compose as the next job's first or last frame. */
export function giveFrame(role: 'first' | 'last', frame: FrameView): boolean {
  useComposeStore.getState().setFrame(role, frame);
  return true;
}
