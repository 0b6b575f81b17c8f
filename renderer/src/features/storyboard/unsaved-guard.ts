/**
 * Whether leaving the sequence open in the strip (for another one, or a new one) would lose
 * something: a named sequence's unsaved edits, or clips gathered before any sequence was named. Pure.
 */
export function wouldLoseEdits(state: { name: string | undefined; dirty: boolean; clips: readonly unknown[] }): boolean {
  if (!state.dirty) return false;
  return state.name !== undefined || state.clips.length > 0;
}
