/**
 * How 1–4 clips share the stage: the grid (columns × rows) that shows every clip biggest. Two clips sit
 * side by side; three take a row of three or a 2×2 (a row of three 16:9 clips is tiny in a 4:3 window,
 * a 2×2 of 9:16 clips wastes a wide one); four take a 2×2 or, for tall clips on a wide stage, a row. Pure.
 */

export interface Grid {
  cols: number;
  rows: number;
}

export interface Stage {
  width: number;
  height: number;
  /** Space between tiles, in px. */
  gap: number;
  /** Height each tile gives to its caption under the picture, in px. */
  caption: number;
}

const CANDIDATES: Record<number, Grid[]> = {
  1: [{ cols: 1, rows: 1 }],
  2: [{ cols: 2, rows: 1 }],
  3: [
    { cols: 3, rows: 1 },
    { cols: 2, rows: 2 },
  ],
  4: [
    { cols: 2, rows: 2 },
    { cols: 4, rows: 1 },
  ],
};

/** The picture of a clip of `aspect` (width / height) fitted into one cell of `grid`, in whole px (0×0 when nothing fits). */
export function pictureSize(grid: Grid, stage: Stage, aspect: number): { width: number; height: number } {
  const cellW = (stage.width - stage.gap * (grid.cols - 1)) / grid.cols;
  const cellH = (stage.height - stage.gap * (grid.rows - 1)) / grid.rows - stage.caption;
  if (cellW <= 0 || cellH <= 0 || !(aspect > 0)) return { width: 0, height: 0 };
  const width = Math.floor(Math.min(cellW, cellH * aspect));
  return { width, height: Math.floor(width / aspect) };
}

/** The area of a clip of `aspect` fitted into one cell of `grid`. */
export function pictureArea(grid: Grid, stage: Stage, aspect: number): number {
  const { width, height } = pictureSize(grid, stage, aspect);
  return width * height;
}

/** The grid for `count` clips (capped to 1–4) of `aspect` on `stage`; the first candidate wins a tie. */
export function gridFor(count: number, stage: Stage, aspect: number): Grid {
  const options = CANDIDATES[Math.min(4, Math.max(1, Math.round(count)))] ?? [{ cols: 1, rows: 1 }];
  let best = options[0] ?? { cols: 1, rows: 1 };
  let bestArea = pictureArea(best, stage, aspect);
  for (const g of options.slice(1)) {
    const area = pictureArea(g, stage, aspect);
    if (area > bestArea * 1.0001) {
      best = g;
      bestArea = area;
    }
  }
  return best;
}
