import { create } from 'zustand';

/**
 * In and out marks per clip (I / O in the viewer), kept for a later trim. Times in seconds, at the
 * start of the marked frame. Per clip id, so marks survive picking another clip and coming back.
 */

export interface Marks {
  in?: number;
  out?: number;
}

/** Setting an in after the out (or an out before the in) drops the other mark: a range never runs backwards. */
export function withMark(m: Marks, which: 'in' | 'out', at: number): Marks {
  if (which === 'in') return m.out !== undefined && m.out < at ? { in: at } : { ...m, in: at };
  return m.in !== undefined && m.in > at ? { out: at } : { ...m, out: at };
}

interface ClipMarksState {
  marks: Readonly<Record<string, Marks>>;
  mark(id: string, which: 'in' | 'out', at: number): void;
  clear(id: string): void;
}

export const useClipMarks = create<ClipMarksState>()((set) => ({
  marks: {},
  mark: (id, which, at) => set((s) => ({ marks: { ...s.marks, [id]: withMark(s.marks[id] ?? {}, which, at) } })),
  clear: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.marks;
      return { marks: rest };
    }),
}));
