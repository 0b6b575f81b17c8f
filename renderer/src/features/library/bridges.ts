import type { FrameView, VideoView } from '../../../../shared/ipc/views.js';
import { useNavigationStore, type View } from '../../navigation-store';
import { editDraftInStudio, withCompose } from '../compose/compose-handoff';

/** The library's hand-offs to other features: switch view, fill the compose draft. */

export function go(view: View): void {
  useNavigationStore.getState().go(view);
}

/** Loads a video's settings into the compose draft and opens the studio. */
export function reuseSettings(video: VideoView): boolean {
  // A bare video has no request: nothing to reuse.
  if (video.kind === 'bare') return false;
  void editDraftInStudio((compose) => compose.loadRequest(video.request, video.lineage));
  return true;
}

/** Hands a grabbed frame to compose as the next job's first or last frame. */
export async function giveFrame(role: 'first' | 'last', frame: FrameView): Promise<boolean> {
  await withCompose((compose) => compose.setFrame(role, frame));
  return true;
}
