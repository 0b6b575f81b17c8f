import { itemAt, PAGE, type Pages } from './library-pages';

/** Where the selection is in the grid and where the keyboard moves it. */

/**
 * The grid index of the selected video. `hint` is where it was picked: still right when that cell
 * holds the same video, or when its page is not fetched (nothing says otherwise). After the list
 * changed (a refresh, new filters), the video is looked for in the fetched pages; -1 when not there.
 */
export function selectedIndexIn(pages: Pages, selectedId: string | undefined, hint: number): number {
  if (!selectedId) return -1;
  if (hint >= 0 && (itemAt(pages, hint)?.id ?? selectedId) === selectedId) return hint;
  for (const [p, items] of Object.entries(pages)) {
    const i = items.findIndex((v) => v.id === selectedId);
    if (i >= 0) return Number(p) * PAGE + i;
  }
  return -1;
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

/** `#video=<id>` (the queue's "Open result" link) → the id; undefined when the address names none. */
export function videoIdFromHash(hash: string): string | undefined {
  return /(?:^#|&)video=([A-Za-z0-9_-]{1,120})(?:&|$)/.exec(hash)?.[1];
}
