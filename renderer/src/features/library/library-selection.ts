import { itemAt, PAGE, type Pages } from './library-pages';

/** Where the primary clip is in the grid, where the keyboard moves it, and who takes its place when it goes. */

/**
 * The grid index of the primary video. `hint` is where it was picked: still right when that cell
 * holds the same video, or when its page is not fetched (nothing says otherwise). After the list
 * changed (a refresh, new filters), the video is looked for in the fetched pages; -1 when not there.
 */
export function selectedIndexIn(pages: Pages, primary: string | undefined, hint: number): number {
  if (!primary) return -1;
  if (hint >= 0 && (itemAt(pages, hint)?.id ?? primary) === primary) return hint;
  for (const [p, items] of Object.entries(pages)) {
    const i = items.findIndex((v) => v.id === primary);
    if (i >= 0) return Number(p) * PAGE + i;
  }
  return -1;
}

/**
 * Who is selected once the video at `index` is gone: the next one (which then moves up into `index`),
 * or, for the last video, the one before it. `index` is where that video will be after the removal.
 * Undefined when there is no other video, or its page is not fetched (the caller picks after a reload).
 */
export function successorOf(pages: Pages, index: number, total: number): { id: string; index: number } | undefined {
  if (index < 0) return undefined;
  const next = index + 1 < total ? itemAt(pages, index + 1) : undefined;
  if (next) return { id: next.id, index };
  const before = index + 1 >= total && index > 0 ? itemAt(pages, index - 1) : undefined;
  return before ? { id: before.id, index: index - 1 } : undefined;
}

const STEPS = new Map<string, (cols: number) => number>([
  ['ArrowLeft', () => -1],
  ['ArrowRight', () => 1],
  ['ArrowUp', (cols) => -cols],
  ['ArrowDown', (cols) => cols],
  ['PageUp', (cols) => -cols * 4],
  ['PageDown', (cols) => cols * 4],
]);

/**
 * The index a grid key moves the selection to, kept inside [0, total-1]; undefined for a key that
 * does not move it, or an empty grid. With nothing selected, any arrow starts at the first video.
 */
export function moveTarget(key: string, selectedIndex: number, cols: number, total: number): number | undefined {
  if (total <= 0) return undefined;
  let to: number;
  const step = STEPS.get(key);
  if (step) to = selectedIndex < 0 ? 0 : selectedIndex + step(cols);
  else if (key === 'Home') to = 0;
  else if (key === 'End') to = total - 1;
  else return undefined;
  return Math.min(total - 1, Math.max(0, to));
}
