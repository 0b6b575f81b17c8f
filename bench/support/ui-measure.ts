import type { Browser, Page } from '@playwright/test';

/** In-page measurements for the UI bench: paint time, per-keystroke search latency, scroll frame rate. */

/** Installed before the page loads: opens the Library view as soon as the nav exists, and stamps the first grid cell paint. */
export const GRID_PAINT_PROBE = `(() => {
  const w = window;
  const mo = new MutationObserver(() => {
    const nav = document.querySelector('nav [data-nav="library"]');
    if (nav && !w.__clicked) { w.__clicked = true; nav.click(); }
    if (document.querySelector('.lib-cell img, .lib-cell .lib-thumb') && !w.__gridSeen) {
      w.__gridSeen = true;
      mo.disconnect();
      requestAnimationFrame(() => { w.__gridPaint = performance.now(); });
    }
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

export async function gridPaintMs(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __gridPaint?: number }).__gridPaint !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __gridPaint: number }).__gridPaint);
}

/** The built JS files (`assets/…js`) the page had finished loading by `ms` after navigation. */
export function jsLoadedBy(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ${ms} && /\\/assets\\/[^/]+\\.js$/.test(new URL(e.name).pathname)).map((e) => new URL(e.name).pathname.replace(/^\\//, ''))`,
  );
}

export async function firstContentfulPaintMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
}

/*
 * The in-page functions below are strings, not TypeScript functions: tsx
 * compiles this file with esbuild's keepNames, whose `__name(...)` helper
 * would be serialised into the page, where it does not exist.
 */

/**
 * Types each text into the search box as an input event and times until the
 * grid has committed the results for it (its data-results-for attribute).
 */
const SEARCH = `async (list) => {
  const input = document.querySelector('#lib-search');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (const text of list) {
    const done = new Promise((resolve) => {
      const check = () => {
        const grid = document.querySelector('.lib-scroll');
        const empty = document.querySelector('.lib-empty');
        return (grid && grid.getAttribute('data-results-for') === text) || (empty && text !== '');
      };
      const mo = new MutationObserver(() => {
        if (check()) { mo.disconnect(); resolve(performance.now()); }
      });
      mo.observe(document.querySelector('.lib-view'), { attributes: true, childList: true, subtree: true });
      setTimeout(() => { mo.disconnect(); resolve(NaN); }, 5000);
    });
    const t0 = performance.now();
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    out.push((await done) - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}`;

export function searchLatencies(page: Page, texts: string[]): Promise<number[]> {
  return page.evaluate(`(${SEARCH})(${JSON.stringify(texts)})`);
}

export interface ScrollFigures {
  fps: number;
  maxNodes: number;
  /** The most <video> elements on the page at once. */
  maxVideos: number;
  /** The most of them playing at once (not paused, with a frame to show: readyState ≥ 2). */
  maxPlaying: number;
}

/**
 * Frames painted per second while the scroll box scrolls by `px` every frame
 * for `ms` (idle when px is 0), with the most DOM nodes, <video> elements and
 * playing videos seen on the way. Videos are counted every frame (a live
 * collection, cheap); nodes every tenth (a full query is not).
 */
const SCROLL = `(selector, ms, px) => new Promise((resolve) => {
  const el = document.querySelector(selector);
  const videos = document.getElementsByTagName('video');
  let frames = 0;
  let maxNodes = document.querySelectorAll('*').length;
  let maxVideos = 0;
  let maxPlaying = 0;
  const start = performance.now();
  const tick = (now) => {
    frames += 1;
    if (el && px) {
      el.scrollTop = el.scrollTop + px >= el.scrollHeight - el.clientHeight ? 0 : el.scrollTop + px;
      if (frames % 10 === 0) maxNodes = Math.max(maxNodes, document.querySelectorAll('*').length);
    }
    let playing = 0;
    for (const v of videos) if (!v.paused && v.readyState >= 2) playing += 1;
    maxVideos = Math.max(maxVideos, videos.length);
    maxPlaying = Math.max(maxPlaying, playing);
    if (now - start < ms) requestAnimationFrame(tick);
    else resolve({ fps: (frames * 1000) / (now - start), maxNodes, maxVideos, maxPlaying });
  };
  requestAnimationFrame(tick);
})`;

export function scrollFps(page: Page, ms: number, px: number, selector = '.lib-scroll'): Promise<ScrollFigures> {
  return page.evaluate(`(${SCROLL})(${JSON.stringify(selector)}, ${ms}, ${px})`);
}

/**
 * First paint, side by side: per round a fresh context loads the empty React page (its first
 * contentful paint, the baseline) and then the app with `probe` installed (its own paint mark).
 */
export async function paintRounds(
  browser: Browser,
  viewport: { width: number; height: number },
  urls: { empty: string; app: string },
  probe: string,
  rounds: number,
): Promise<{ paints: number[]; baselinePaints: number[] }> {
  const paints: number[] = [];
  const baselinePaints: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    await page.goto(urls.empty);
    baselinePaints.push(await firstContentfulPaintMs(page));
    await page.addInitScript(probe);
    await page.goto(urls.app);
    paints.push(await gridPaintMs(page));
    await ctx.close();
  }
  return { paints, baselinePaints };
}
