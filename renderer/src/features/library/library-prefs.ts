import { create } from 'zustand';

/**
 * How the person laid out the library: thumbnail width and how much of the width the viewer takes.
 * Remembered in this browser profile (localStorage): a layout is a habit, not a setting worth a
 * round trip to main. Bad or missing stored values fall back to the defaults.
 */

export const CELL_MIN = 120;
export const CELL_MAX = 360;
export const CELL_DEFAULT = 200;
/** The viewer's share of the width while a clip is open: at least half (the video is the hero). */
export const SPLIT_MIN = 0.5;
export const SPLIT_MAX = 0.8;
export const SPLIT_DEFAULT = 0.55;

const KEY = 'keyframe.library.layout';

export const clampCell = (px: number): number => Math.round(Math.min(CELL_MAX, Math.max(CELL_MIN, px)));
export const clampSplit = (f: number): number => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, f));

interface Layout {
  cell: number;
  split: number;
}

function read(): Layout {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      cell: typeof o.cell === 'number' && Number.isFinite(o.cell) ? clampCell(o.cell) : CELL_DEFAULT,
      split: typeof o.split === 'number' && Number.isFinite(o.split) ? clampSplit(o.split) : SPLIT_DEFAULT,
    };
  } catch {
    // No storage (a locked-down profile, a test without a DOM): the defaults, every time.
    return { cell: CELL_DEFAULT, split: SPLIT_DEFAULT };
  }
}

function write(layout: Layout): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Not remembered; the layout still works for this session.
  }
}

interface LibraryPrefs extends Layout {
  setCell(px: number): void;
  setSplit(fraction: number): void;
}

export const useLibraryPrefs = create<LibraryPrefs>()((set, get) => ({
  ...read(),
  setCell(px) {
    set({ cell: clampCell(px) });
    write({ cell: get().cell, split: get().split });
  },
  setSplit(fraction) {
    set({ split: clampSplit(fraction) });
    write({ cell: get().cell, split: get().split });
  },
}));
