import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { CallError } from '../../app-error';
import type { View } from '../../navigation-store';
import type { Selection } from '../../selection/selection-store';

/**
 * One comparison's own state. WHICH clips are compared is not here: it is the app's one selection
 * (its ids, in order; its primary is the focused take, the one P and X act on), so the address, the
 * keys and every other view agree on it. Here: their records, the verdicts, and how they are shown.
 */

export type CompareMode = 'grid' | 'wipe' | 'ab';

export interface ReturnPoint {
  view: Exclude<View, 'compare'>;
  selection: Selection;
}

interface CompareState {
  /** The compared clips' records, by id (fetched from main, replaced after a pick). */
  videos: Readonly<Record<string, VideoView>>;
  /** Clips trashed from this comparison (or found gone): Escape does not select them again. */
  gone: readonly string[];
  /** Rejected in this comparison: dimmed, and trashed together by "Trash rejected". */
  rejected: readonly string[];
  /** The clip soloed with 1–4: the others are dimmed (the sound follows the focused clip always). */
  solo: string | undefined;
  /** Two clips: side by side, a wipe, or one at a time. */
  mode: CompareMode;
  /** A/B: which of the two shows (0 is A, the first). */
  shown: 0 | 1;
  /** Wipe: where the divider stands, 0–1 from the left (A left of it, B right). */
  wipe: number;
  /** Where the transport stood when the view was left for another (Back returns to the same frame). */
  position: { key: string; time: number } | undefined;
  /** Where Escape goes back to (undefined: the comparison was opened from an address). */
  returnTo: ReturnPoint | undefined;
  error: CallError | undefined;
  set(patch: Partial<Omit<CompareState, 'set' | 'reset'>>): void;
  /** A new comparison: nothing rejected or soloed, side by side. */
  reset(returnTo: ReturnPoint | undefined): void;
}

export const useCompareStore = create<CompareState>()((set) => ({
  videos: {},
  rejected: [],
  solo: undefined,
  mode: 'grid',
  shown: 0,
  wipe: 0.5,
  returnTo: undefined,
  position: undefined,
  error: undefined,
  gone: [],
  set: (patch) => set(patch),
  reset: (returnTo) => set({ rejected: [], solo: undefined, mode: 'grid', shown: 0, wipe: 0.5, returnTo, error: undefined, gone: [], position: undefined }),
}));
