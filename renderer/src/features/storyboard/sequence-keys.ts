import type { KeyboardEvent } from 'react';
import { useSequencePlayback } from './sequence-playback';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * While the sequence plays in the viewer's place: Space pauses and resumes it, Escape stops it (back
 * to the clip viewer). True when the key was the player's (the caller then leaves it alone).
 */
export function onSequenceKey(e: KeyboardEvent<HTMLElement>): boolean {
  const playback = useSequencePlayback.getState();
  if (!playback.timeline) return false;
  const target = e.target as HTMLElement;
  if (TYPING.has(target.tagName) || target.isContentEditable || e.altKey || e.ctrlKey || e.metaKey) return false;
  if (e.key === ' ') {
    // Also on a focused button: Space is the player's here, not the button's.
    e.preventDefault();
    playback.togglePause();
    return true;
  }
  if (e.key === 'Escape') {
    e.preventDefault();
    playback.stop();
    return true;
  }
  return false;
}
