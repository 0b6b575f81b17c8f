import { api } from '../../api';
import { useNavigationStore } from '../../navigation-store';
import { useLibraryStore } from '../library/library-store';
import { useStudioStore } from './studio-store';

/**
 * THE way the Studio opens a clip (a feed tile, "Open result"): select it and
 * show it in the viewer beside the feed. Today the viewer is the library's
 * details pane reading the library's selection; when the shared viewer and
 * selection store arrive, only this module changes.
 */
export async function openVideo(videoId: string): Promise<void> {
  useStudioStore.getState().show(videoId);
  useNavigationStore.getState().go('studio');
  try {
    const video = await api.library.get({ id: videoId });
    // Another clip may have been opened while this one was on its way.
    if (useStudioStore.getState().viewing === videoId) useLibraryStore.getState().select(video);
  } catch {
    if (useStudioStore.getState().viewing === videoId) useLibraryStore.getState().select(undefined);
  }
}

/** Opens the library on a video: the library reads `#video=<id>` (agreed with its owner). */
export function openInLibrary(videoId: string): void {
  useNavigationStore.getState().go('library');
  window.location.hash = `#video=${encodeURIComponent(videoId)}`;
}

/** "Open result" from anywhere: in the Library it selects the clip there; everywhere else the Studio's viewer shows it. */
export function openResult(videoId: string): void {
  if (useNavigationStore.getState().view === 'library') openInLibrary(videoId);
  else void openVideo(videoId);
}
