/**
 * The Studio's results feed with 200 finished takes, in Chromium through the
 * browser host: first feed paint (beside an empty Vite + React page's first
 * paint), scroll frame rate while the pointer skims the tiles (beside an idle
 * page's frame rate), DOM nodes, and how many <video> elements exist and play
 * at once (the rest must stay posters).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import playwrightConfig from '../playwright.config.js';
import { startStudioHost } from '../tests/e2e/support/studio-host.js';
import { FEED_PAINT_PROBE, sweepPointer } from './support/ui-feed-measure.js';
import { loadNote, median, row } from './support/report.js';
import { buildEmptyReactPage, removeDir, serveStatic } from './support/ui-baseline.js';
import { paintRounds, scrollFps } from './support/ui-measure.js';

const TAKES = Number(process.env.BENCH_STUDIO_TAKES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 2000);
const MAX_DECODING = 8;
const REPO = resolve(import.meta.dirname, '..');
for (const f of ['dist/electron/host/main.js', 'renderer/dist/index.html']) {
  if (!existsSync(join(REPO, f))) throw new Error(`${f} is missing: run \`npx tsc -p tsconfig.node.json && npx vite build\` first.`);
}

const FEED = '.feed-scroll';
const log = (m: string) => process.env.BENCH_VERBOSE && console.error(`[studio.bench] ${m}`);
const launch = playwrightConfig.use?.launchOptions ?? {};
const browser = await chromium.launch({ ...launch, headless: true });
const host = await startStudioHost({ takes: TAKES });
const emptyDist = await buildEmptyReactPage();
const empty = await serveStatic(emptyDist);
try {
  const viewport = playwrightConfig.use?.viewport ?? { width: 1280, height: 800 };
  const { paints, baselinePaints } = await paintRounds(browser, viewport, { empty: empty.url, app: host.url }, FEED_PAINT_PROBE, ROUNDS);
  log(`paints ${paints.join(', ')}`);

  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  await page.goto(host.url);
  await page.waitForFunction((n) => document.querySelector('.feed-scroll')?.getAttribute('data-jobs') === String(n), host.studio.jobs, { timeout: 30_000 });
  await page.locator('.feed .tile-clip img').first().waitFor();

  log('idle');
  const idle = await scrollFps(page, SCROLL_MS, 0, FEED);
  log('scroll');
  // Fast scrolling (40 px a frame, as the library bench) with the pointer skimming the tiles the whole time.
  const scrolling = scrollFps(page, SCROLL_MS, 40, FEED);
  await sweepPointer(page, FEED, scrolling);
  const scroll = await scrolling;
  log('browse');
  // Slow browsing (2 px a frame): the hovered clip has time to load and play, so the decoding limit is really exercised.
  const browsing = scrollFps(page, SCROLL_MS * 2, 2, FEED);
  await sweepPointer(page, FEED, browsing);
  const browse = await browsing;
  await ctx.close();

  const emptyCtx = await browser.newContext({ viewport });
  const emptyPage = await emptyCtx.newPage();
  await emptyPage.goto(empty.url);
  const emptyNodes = await emptyPage.evaluate(() => document.querySelectorAll('*').length);
  await emptyCtx.close();

  const paint = median(paints);
  const basePaint = median(baselinePaints);
  const maxNodes = Math.max(scroll.maxNodes, browse.maxNodes);
  const maxVideos = Math.max(scroll.maxVideos, browse.maxVideos);
  const maxPlaying = Math.max(scroll.maxPlaying, browse.maxPlaying);
  console.log(`\nStudio results feed, ${host.studio.takes} finished takes in ${host.studio.jobs} jobs, Chromium ${browser.version()} (${ROUNDS} paint rounds), ${loadNote()}`);
  row('first feed paint (page load → poster, median)', `${paint.toFixed(0)} ms`, `${basePaint.toFixed(0)} ms`, paint / basePaint, 'informational (empty React page FCP)', true);
  row(`scroll frame rate (${SCROLL_MS / 1000} s, 40 px/frame, hovering)`, `${scroll.fps.toFixed(1)} fps`, `${idle.fps.toFixed(1)} fps`, scroll.fps / idle.fps, '≥ 55 fps (baseline: idle page)', scroll.fps >= 55);
  row('DOM nodes while scrolling (max)', `${maxNodes}`, `${emptyNodes}`, maxNodes / emptyNodes, '≤ 1,400 (baseline: empty React page)', maxNodes <= 1400);
  row('<video> elements on the page (max)', `${maxVideos}`, `${TAKES}`, maxVideos / TAKES, `≤ ${MAX_DECODING} (baseline: takes in the feed)`, maxVideos <= MAX_DECODING);
  // None playing means the hover never started a clip: the limit was not exercised, so the figure proves nothing.
  row('<video> elements playing at once (max)', `${maxPlaying}`, `${TAKES}`, maxPlaying / TAKES, `1–${MAX_DECODING} (0: hover never played a clip)`, maxPlaying >= 1 && maxPlaying <= MAX_DECODING);
  if (scroll.fps < 55 || maxNodes > 1400 || maxVideos > MAX_DECODING || maxPlaying < 1 || maxPlaying > MAX_DECODING) process.exitCode = 1;
} finally {
  await empty.close();
  removeDir(resolve(emptyDist, '..'));
  await host.stop();
  await browser.close();
}
