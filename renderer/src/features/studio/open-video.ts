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
let latest = 0;

export async function openVideo(videoId: string): Promise<void> {
  const asked = ++latest;
  let video: Awaited<ReturnType<typeof api.library.get>> | undefined;
  try {
    video = await api.library.get({ id: videoId });
  } catch {
    // Gone from the library (deleted meanwhile): the pane opens empty and says so.
    video = undefined;
  }
  // Another clip may have been opened while this one was on its way.
  if (asked !== latest) return;
  // Selected before the pane shows, so it never shows the previous clip for a moment.
  useLibraryStore.getState().select(video);
  useStudioStore.getState().show(videoId);
  useNavigationStore.getState().go('studio');
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
