import { create } from 'zustand';
import { many, NOTHING, only, ranged, toggled, without, type Selection } from './selection-rules';

/**
 * THE selection of the whole app (Library grid, Studio feed, the viewer, every key and button).
 * Nothing else keeps its own "selected clip": two copies is how the highlighted clip and the clip
 * an action hits come apart. The URL follows it (url-sync.ts).
 */

export type { Selection };

interface SelectionState extends Selection {
  /** Exactly this clip (undefined: nothing). */
  select(id: string | undefined): void;
  /** Exactly these clips (a comparison's), `primary` among them. */
  selectMany(ids: readonly string[], primary?: string): void;
  toggle(id: string): void;
  /** From the anchor to `id`, in `orderedIds` (the order on screen). */
  range(id: string, orderedIds: readonly string[]): void;
  clear(): void;
  /** Forgets a clip that is gone. */
  drop(id: string): void;
}

export const useSelectionStore = create<SelectionState>()((set, get) => {
  const pick = (s: Selection): void => set({ ids: s.ids, primary: s.primary, anchor: s.anchor });
  return {
    ...NOTHING,
    select: (id) => pick(id === undefined ? NOTHING : only(id)),
    selectMany: (ids, primary) => pick(many(ids, primary)),
    toggle: (id) => pick(toggled(get(), id)),
    range: (id, orderedIds) => pick(ranged(get(), id, orderedIds)),
    clear: () => pick(NOTHING),
    drop: (id) => pick(without(get(), id)),
  };
});
