import type { KeyboardEvent } from 'react';
import { useSelectedVideo } from '../../selection/selected-video';
import { viewerKey } from '../viewer/viewer-keys';
import { useViewerPrefs } from '../viewer/viewer-prefs';
import { toggleFavorite } from './actions';
import { useToastStore } from './toast-store';
import { trashVideo } from './trash-flow';

/**
 * The keys that act on the highlighted clip, wherever a clip is open (the Library's details pane,
 * the Studio's viewer pane): F favourites, Delete trashes (with Undo), Ctrl/Cmd+Z undoes the last
 * trash while its toast shows, and the viewer's own keys (Space, `,` `.`, J/K/L, I/O…). One handler,
 * so the two places can never disagree about which clip a key acts on: the one selection's primary.
 */

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Keys a focused button keeps for itself (Space and Enter press it). */
const OWN_KEYS: Record<string, Set<string>> = { BUTTON: new Set([' ', 'Enter']) };

const toggleMute = () => useViewerPrefs.getState().set({ muted: !useViewerPrefs.getState().muted });

export function onClipKey(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (TYPING.has(target.tagName) || target.isContentEditable || e.altKey) return;
  if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !e.shiftKey && useToastStore.getState().toast?.action) {
    e.preventDefault();
    void useToastStore.getState().act();
    return;
  }
  if (e.ctrlKey || e.metaKey || OWN_KEYS[target.tagName]?.has(e.key)) return;
  const v = useSelectedVideo.getState().video;
  if ((e.key === 'f' || e.key === 'F') && v) {
    e.preventDefault();
    void toggleFavorite(v);
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && v) {
    e.preventDefault();
    void trashVideo(v);
  } else if (viewerKey(e, toggleMute)) {
    e.preventDefault();
  }
}
