import type { KeyboardEvent } from 'react';
import { useSelectionStore } from '../../selection/selection-store';
import { favoriteAll, recordsOf } from './bulk-actions';
import { trashVideos } from './trash-flow';

/**
 * The keys for several selected clips, as the bulk bar acts: F favourites them all (or takes them all
 * out), Delete trashes them all with one Undo, Escape keeps only the highlighted one. With one clip
 * (or none) selected it leaves every key to the clip's own handler. Returns whether it took the key.
 */

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Keys a focused control keeps for itself (Space and Enter press a button, Enter follows a link). */
const OWN_KEYS: Record<string, Set<string>> = { BUTTON: new Set([' ', 'Enter']), A: new Set(['Enter']) };

export function onSelectionKey(e: KeyboardEvent<HTMLElement>): boolean {
  const target = e.target as HTMLElement;
  const { ids, primary } = useSelectionStore.getState();
  if (ids.length < 2 || TYPING.has(target.tagName) || target.isContentEditable || e.altKey || e.ctrlKey || e.metaKey || OWN_KEYS[target.tagName]?.has(e.key)) return false;
  if (e.key === 'Escape') {
    useSelectionStore.getState().select(primary);
  } else if (e.key === 'f' || e.key === 'F') {
    void recordsOf(ids).then(favoriteAll);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    void recordsOf(ids).then(trashVideos);
  } else {
    return false;
  }
  e.preventDefault();
  return true;
}
