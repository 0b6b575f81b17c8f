import type { Page } from '@playwright/test';
import { STAMP_PAINT } from './ui-measure.js';

/** In-page measurements for the Studio bench: the feed's first paint, and a pointer that keeps moving over its tiles. */

/** Installed before the page loads: stamps the first paint of a finished take's poster in the results feed (the Studio opens first). */
export const FEED_PAINT_PROBE = `(() => {
  const w = window;
  const mo = new MutationObserver(() => {
    if (document.querySelector('.feed .tile-clip img') && !w.__gridSeen) {
      w.__gridSeen = true;
      mo.disconnect();
      requestAnimationFrame(() => { ${STAMP_PAINT} });
    }
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Moves the pointer back and forth across the feed (a grid of points over its
 * columns and rows, a few steps between each) until `done` settles, so tiles
 * keep entering and leaving hover as a person skimming the feed would make them.
 */
export async function sweepPointer(page: Page, selector: string, done: Promise<unknown>): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  let finished = false;
  void done.finally(() => (finished = true));
  const points: { x: number; y: number }[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      const col = r % 2 === 0 ? c : 3 - c;
      points.push({ x: box.x + (box.width * (col + 0.5)) / 4, y: box.y + (box.height * (r + 0.5)) / 3 });
    }
  }
  for (let i = 0; !finished; i = (i + 1) % points.length) {
    const p = points[i];
    if (p) await page.mouse.move(p.x, p.y, { steps: 4 });
  }
}
