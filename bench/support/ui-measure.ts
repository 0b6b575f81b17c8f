import type { Browser, Page } from '@playwright/test';

/** In-page measurements for the UI bench: paint time, per-keystroke search latency, scroll frame rate. */

/**
 * How a probe reports its paint: a console message, which the bench hears
 * without running anything in the page. Waiting with `waitForFunction` (or any
 * `evaluate`) while the page loads would make Playwright inject its own script
 * (~10 ms of main thread) into the very load being timed, and into the app's
 * load more than the empty page's, whose first paint is usually over by then.
 */
const PAINT_MARK = 'bench-paint';
export const STAMP_PAINT = `window.__gridPaint = performance.now(); console.debug('${PAINT_MARK} ' + window.__gridPaint);`;

/** Installed before the page loads: opens the Library view as soon as the nav exists, and stamps the first grid cell paint. */
export const GRID_PAINT_PROBE = `(() => {
  const w = window;
  const mo = new MutationObserver(() => {
    const nav = document.querySelector('nav [data-nav="library"]');
    if (nav && !w.__clicked) { w.__clicked = true; nav.click(); }
    if (document.querySelector('.lib-cell img, .lib-cell .lib-thumb') && !w.__gridSeen) {
      w.__gridSeen = true;
      mo.disconnect();
      requestAnimationFrame(() => { ${STAMP_PAINT} });
    }
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Installed before `origin`'s page loads: reports the browser's own first contentful paint the same way.
 * Init scripts stay with the tab, so it keeps out of any other origin's page loaded after.
 */
export const fcpProbe = (origin: string): string => `if (location.origin === ${JSON.stringify(origin)}) new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') { window.__gridPaint = e.startTime; console.debug('${PAINT_MARK} ' + e.startTime); }
}).observe({ type: 'paint', buffered: true });`;

/**
 * Loads `url` with `probe` installed and resolves with the paint time the
 * probe reports (ms after navigation). Nothing is evaluated in the page until
 * then: the navigation is only waited for until it commits.
 */
export async function loadAndTimePaint(page: Page, url: string, probe: string): Promise<number> {
  await page.addInitScript(probe);
  const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`${PAINT_MARK} `), timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  return Number((await reported).text().slice(PAINT_MARK.length + 1));
}

/** The built JS files (`assets/…js`) the page had finished loading by `ms` after navigation. */
export function jsLoadedBy(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ${ms} && /\\/assets\\/[^/]+\\.js$/.test(new URL(e.name).pathname)).map((e) => new URL(e.name).pathname.replace(/^\\//, ''))`,
  );
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
    baselinePaints.push(await loadAndTimePaint(page, urls.empty, fcpProbe(new URL(urls.empty).origin)));
    paints.push(await loadAndTimePaint(page, urls.app, probe));
    await ctx.close();
  }
  return { paints, baselinePaints };
}
