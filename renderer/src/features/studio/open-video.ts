import { api } from '../../api';
import { useNavigationStore } from '../../navigation-store';
import { useSelectionStore } from '../../selection/selection-store';
import { openResult as openResultInLibrary } from '../library/open-result';
import { useStudioStore } from './studio-store';

/**
 * THE way the Studio opens a clip (a feed tile, "Open result"): select it in
 * the one selection and show it in the viewer beside the feed.
 */
let latest = 0;

export async function openVideo(videoId: string): Promise<void> {
  const asked = ++latest;
  // Asked first, so a clip deleted meanwhile opens an empty pane that says so rather than the previous clip.
  const exists = await api.library.get({ id: videoId }).then(
    () => true,
    () => false,
  );
  // Another clip may have been opened while this one was on its way.
  if (asked !== latest) return;
  if (exists) useSelectionStore.getState().select(videoId);
  else useSelectionStore.getState().clear();
  useStudioStore.getState().show(videoId);
  useNavigationStore.getState().go('studio');
}

/** "Open result" from anywhere: in the Library it selects the clip there (clearing filters that hide it); elsewhere the Studio's viewer shows it. */
export function openResult(videoId: string): void {
  if (useNavigationStore.getState().view === 'library') void openResultInLibrary(videoId);
  else void openVideo(videoId);
}
