import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess } from './host-process.js';
import { OTHERS, startCompareHost, TAKE_FRAMES, TAKES } from './support/compare-fixture.js';
import type { LibraryHost } from './support/library-host.js';
import { openLibrary, setTheme } from './support/library-page.js';
import { feedJob } from './support/studio-page.js';

/**
 * Compare: the four takes of one job (files of 2, 4, 6 and 8 s at 24 fps) open side by side from
 * "Compare takes", play in sync by time (every clip within one frame of the others after 1 s of play
 * and after a seek; the shorter ones hold their last frame), one is picked (a favourite, on disk too),
 * the others rejected (dimmed) and trashed together, and Undo puts them back. Two clips from a
 * multi-selection get the wipe and A/B; the address keeps the comparison; Escape goes back.
 */

let host: Pick<LibraryHost, 'url' | 'outDir' | 'stop'> | undefined;
let fake: FakeApimart | undefined;
test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

const FRAME = 1 / 24;
const tiles = (page: Page) => page.locator('.cmp-tile');
const tile = (page: Page, id: string) => page.locator(`.cmp-tile[data-clip-id="${id}"]`);
const cell = (page: Page, id: string) => page.locator(`.lib-cell[data-video-id="${id}"]`);

interface Sample {
  times: number[];
  paused: boolean[];
  seeking: boolean;
}

/** Every compared <video>'s position, read in one go (one instant of the page's clock). */
const sample = (page: Page): Promise<Sample> =>
  page.locator('.cmp-tile video').evaluateAll((vs) => {
    const videos = vs as HTMLVideoElement[];
    return { times: videos.map((v) => v.currentTime), paused: videos.map((v) => v.paused), seeking: videos.some((v) => v.seeking) };
  });

const spread = (times: number[]) => Math.max(...times) - Math.min(...times);

/**
 * Plays on until every clip is within one frame of the others on `run` animation frames in a row,
 * from `from` seconds on; fails if the clips reach `until` first. A run of frames, not one reading:
 * a loaded machine can hold one decoder up for a moment, and what is tested is that the sync puts
 * and keeps them together, which a single unlucky reading can neither prove nor disprove.
 */
async function playsInSync(page: Page, from: number, until: number, run = 6): Promise<{ ok: boolean; log: string[] }> {
  return page.locator('.cmp-tile video').evaluateAll(
    (vs, [from, until, run, frame]) =>
      new Promise<{ ok: boolean; log: string[] }>((resolve) => {
        const videos = vs as HTMLVideoElement[];
        const log: string[] = [];
        let streak = 0;
        const tick = () => {
          const times = videos.map((v) => v.currentTime);
          const lo = Math.min(...times);
          const hi = Math.max(...times);
          if (hi >= until) return resolve({ ok: false, log });
          if (lo >= from) {
            const together = hi - lo <= frame && videos.every((v) => !v.paused && !v.seeking);
            streak = together ? streak + 1 : 0;
            log.push(times.map((t) => t.toFixed(3)).join(' '));
            if (streak >= run) return resolve({ ok: true, log: log.slice(-run) });
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    [from, until, run, 1 / 24] as const,
  );
}

/** Waits until no clip is seeking, and returns where they all are. */
async function settled(page: Page): Promise<Sample> {
  await expect.poll(async () => (await sample(page)).seeking, { intervals: [50] }).toBe(false);
  return sample(page);
}

async function readyToCompare(page: Page, count: number): Promise<void> {
  await expect(tiles(page)).toHaveCount(count);
  // Each clip's frame rate is read from its file; only then does it follow the clock.
  await expect(page.locator('.cmp-tile video[data-fps="24"]')).toHaveCount(count);
  await expect.poll(() => page.locator('.cmp-tile video').evaluateAll((vs) => vs.every((v) => (v as HTMLVideoElement).readyState >= 2))).toBe(true);
}

async function openTakes(page: Page): Promise<void> {
  await openLibrary(page);
  await cell(page, TAKES[0]).click();
  await page.locator('.lib-details').getByRole('button', { name: /Compare takes/ }).click();
  await readyToCompare(page, 4);
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('four takes of one job play in sync by time; pick one, reject and trash the others, Undo puts them back', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startCompareHost();
  await page.goto(host.url);
  await openTakes(page);
  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=${TAKES.join(',')}$`));
  await expect(tiles(page)).toHaveText([/Take 1/, /Take 2/, /Take 3/, /Take 4/]);
  // What differs between the takes: only their lengths (the files' own), listed under each.
  await expect(page.locator('.cmp-tile [data-param="length"]')).toHaveText(['2 s', '4 s', '6 s', '8 s']);
  await expect(page.locator('.cmp-tile [data-param="seed"]')).toHaveCount(0);
  // The shared timeline is the longest clip's, counted in the first clip's frames.
  await expect(page.getByTestId('compare-counter')).toHaveText('f 1 / 192');

  // Space plays all; after 1 s every clip is within one frame of the others (before the 2 s take ends).
  const scrubber = page.getByRole('slider', { name: 'Position' });
  await page.keyboard.press(' ');
  let played = await playsInSync(page, 1, 47 / 24);
  // A runner starved of CPU can stall all four decoders through the whole 2 s window. Such a run is played
  // again from the start (three runs at most), and every run is held to the same rule.
  for (let run = 2; run <= 3 && !played.ok; run++) {
    await page.getByRole('button', { name: /^Pause/ }).click();
    await scrubber.press('Home');
    await settled(page);
    await page.getByRole('button', { name: /^Play/ }).click();
    played = await playsInSync(page, 1, 47 / 24);
  }
  expect(played.ok, played.log.join('\n')).toBe(true);

  // A seek on the shared scrubber (pausing there): every clip shows the same moment.
  const box = (await scrubber.boundingBox())!;
  // Early in the timeline, so that playing on from it leaves a second to settle before the 2 s take ends.
  await page.mouse.click(box.x + box.width * 0.04, box.y + box.height / 2);
  const atSeek = await settled(page);
  expect(atSeek.paused).toEqual([true, true, true, true]);
  expect(Math.min(...atSeek.times)).toBeGreaterThan(0.2);
  expect(spread(atSeek.times)).toBeLessThanOrEqual(FRAME);
  // "." steps one frame of the first clip, in every clip.
  await page.keyboard.press('.');
  const stepped = await settled(page);
  expect(stepped.times[0]! - atSeek.times[0]!).toBeCloseTo(FRAME, 3);
  expect(spread(stepped.times)).toBeLessThanOrEqual(FRAME);
  // Playing on from a paused seek is not asserted here: the clips re-converge after a resume, but on a
  // loaded runner that took longer than the 2 s take leaves (the engine's unit tests cover the rule).

  // At the end of the timeline, each shorter clip holds its own last frame.
  await scrubber.press('End');
  const atEnd = await settled(page);
  atEnd.times.forEach((t, i) => expect(Math.floor(t * 24 + 1e-3)).toBe(TAKE_FRAMES[i]! - 1));
  await expect(page.locator('.cmp-holding')).toHaveCount(3);
  await scrubber.press('Home');

  // Pick take 2: P on the focused take makes it a favourite (on disk, in its sidecar).
  await tile(page, TAKES[1]).getByRole('button', { name: /Take 2/ }).click();
  await page.keyboard.press('p');
  await expect(tile(page, TAKES[1])).toHaveAttribute('data-picked', 'true');
  await expect.poll(() => JSON.parse(readFileSync(join(host!.outDir, 'take-2.keyframe.json'), 'utf8')).user.favorite).toBe(true);

  // Reject the others (1–4 focus and solo a take; X rejects it): they are dimmed.
  for (const key of ['1', '3', '4']) {
    await page.keyboard.press(key);
    await page.keyboard.press('x');
  }
  await page.keyboard.press('4');
  for (const id of [TAKES[0], TAKES[2], TAKES[3]]) {
    await expect(tile(page, id)).toHaveAttribute('data-rejected', 'true');
    expect(Number(await tile(page, id).locator('video').evaluate((v) => getComputedStyle(v).opacity))).toBeLessThan(0.5);
  }
  await expect(tile(page, TAKES[1])).not.toHaveAttribute('data-rejected', 'true');

  // "Trash rejected" trashes the three at once; the picked take stays.
  await page.getByRole('button', { name: 'Trash rejected (3)' }).click();
  await expect(tiles(page)).toHaveCount(1);
  await expect(page.locator('.lib-toast')).toContainText('Moved 3 rejected takes to the trash.');
  for (const n of [1, 3, 4]) expect(existsSync(join(host.outDir, `take-${n}.mp4`))).toBe(false);
  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=${TAKES[1]}$`));

  // Undo: all four are back, the three still rejected.
  await page.locator('.lib-toast').getByRole('button', { name: 'Undo' }).click();
  await readyToCompare(page, 4);
  for (const n of [1, 3, 4]) expect(existsSync(join(host.outDir, `take-${n}.mp4`))).toBe(true);
  await expect(page.locator('.cmp-tile[data-rejected]')).toHaveCount(3);
  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=${TAKES.join(',')}&v=${TAKES[1]}$`));

  // Escape: back in the library, on the clip the comparison was opened from; the pick shows there.
  await page.keyboard.press('Escape');
  await expect(page.locator('.lib-details')).toHaveAttribute('data-video-id', TAKES[0]);
  await expect(page).toHaveURL(new RegExp(`#/library\\?v=${TAKES[0]}$`));
  await expect(cell(page, TAKES[1])).toContainText('★');
});

/** Each saved clip's sidecar in the output folder, by clip id. */
function sidecars(outDir: string): Map<string, { file: string; user: { favorite: boolean } }> {
  const out = new Map<string, { file: string; user: { favorite: boolean } }>();
  for (const name of readdirSync(outDir).filter((n) => n.endsWith('.keyframe.json'))) {
    const s = JSON.parse(readFileSync(join(outDir, name), 'utf8')) as { id: string; file: string; user: { favorite: boolean } };
    out.set(s.id, s);
  }
  return out;
}
const mp4s = (outDir: string) => readdirSync(outDir).filter((n) => n.endsWith('.mp4')).length;

test('a demo job of four takes, from the Studio feed: in sync after 1 s and after a seek; pick, reject, trash rejected, Undo', async ({ page }) => {
  test.setTimeout(150_000);
  const key = 'sk-e2e-compare-7c21';
  fake = await startFakeApimart({ apiKey: key, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({ key, apiBaseUrl: fake.apiUrl });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);

  const text = 'A paper boat drifting down a rainy street at dusk, cinematic';
  await page.getByRole('group', { name: 'Takes' }).getByRole('radio', { name: '4' }).check();
  await page.getByLabel('Prompt', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const job = feedJob(page, text);
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(job.locator('[data-tile-state="clip"]')).toHaveCount(4, { timeout: 20_000 });
  const ids = await job.locator('[data-tile-state="clip"]').evaluateAll((tiles) => tiles.map((t) => (t as HTMLElement).dataset.videoId ?? ''));

  // The job's own "Compare takes" opens its four takes, in take order.
  await job.hover();
  await expect(job.getByRole('button', { name: 'Compare takes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/compare-feed-job-1280x800-light-en.png' });
  await job.getByRole('button', { name: 'Compare takes' }).click();
  await readyToCompare(page, 4);
  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=${ids.join(',')}$`));
  await expect(tiles(page)).toHaveText([/Take 1/, /Take 2/, /Take 3/, /Take 4/]);
  // Takes of one job share every setting (its seed included): nothing differs, and each caption says so.
  await expect(page.locator('.cmp-tile .cmp-params')).toHaveText(['Same settings', 'Same settings', 'Same settings', 'Same settings']);

  // Space plays all four: after 1 s of play every clip is within one frame (1/24 s) of the others.
  await page.keyboard.press(' ');
  const played = await playsInSync(page, 1, 7);
  expect(played.ok, played.log.join('\n')).toBe(true);

  // A seek on the shared scrubber, then play on: together at the seek, and together again after it.
  const scrubber = page.getByRole('slider', { name: 'Position' });
  const box = (await scrubber.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  const atSeek = await settled(page);
  expect(Math.min(...atSeek.times)).toBeGreaterThan(3.5);
  expect(spread(atSeek.times)).toBeLessThanOrEqual(FRAME);
  await page.keyboard.press(' ');
  const replayed = await playsInSync(page, atSeek.times[0]! + 1, 7.9);
  expect(replayed.ok, replayed.log.join('\n')).toBe(true);
  await page.keyboard.press('k');

  // 2 focuses (and solos) take 2, P picks it: a favourite, in its sidecar on disk.
  await page.keyboard.press('2');
  await page.keyboard.press('p');
  await expect(tile(page, ids[1]!)).toHaveAttribute('data-picked', 'true');
  await expect.poll(() => sidecars(host!.outDir).get(ids[1]!)?.user.favorite).toBe(true);

  // X on the three others: rejected and dimmed.
  for (const n of ['1', '3', '4']) {
    await page.keyboard.press(n);
    await page.keyboard.press('x');
  }
  await page.keyboard.press('4');
  for (const id of [ids[0]!, ids[2]!, ids[3]!]) await expect(tile(page, id)).toHaveAttribute('data-rejected', 'true');

  // Trash rejected: three files leave the folder, the pick stays compared.
  await page.getByRole('button', { name: 'Trash rejected (3)' }).click();
  await expect(tiles(page)).toHaveCount(1);
  await expect.poll(() => mp4s(host!.outDir)).toBe(1);
  expect([...sidecars(host.outDir).keys()]).toEqual([ids[1]]);

  // Undo: all four are back on disk and in the comparison, the three still rejected.
  await page.locator('.lib-toast').getByRole('button', { name: 'Undo' }).click();
  await readyToCompare(page, 4);
  await expect.poll(() => mp4s(host!.outDir)).toBe(4);
  await expect(page.locator('.cmp-tile[data-rejected]')).toHaveCount(3);

  // Escape: back to the Studio feed, where the job still shows its four takes.
  await page.keyboard.press('Escape');
  await expect(page.locator('main.app-main')).toHaveAttribute('data-view', 'studio');
  await expect(job.locator('[data-tile-state="clip"]')).toHaveCount(4);
});

test('two clips from a multi-selection: wipe and A/B; the address reopens the comparison; Escape restores the selection', async ({ page }) => {
  host = await startCompareHost();
  await page.goto(host.url);
  await openLibrary(page);
  await cell(page, OTHERS[1]).click();
  await cell(page, OTHERS[2]).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: /Compare · 2/ }).click();
  await readyToCompare(page, 2);
  // In the order picked, focused on the last one picked (the one the library's viewer showed).
  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=${OTHERS[1]},${OTHERS[2]}&v=${OTHERS[2]}$`));
  // They differ in model, resolution, audio, seed and prompt; each says so under its picture.
  const first = tile(page, OTHERS[1]);
  await expect(first.locator('[data-param="seed"]')).toHaveText('Seed 8');
  await expect(first.locator('[data-param="model"]')).toHaveText('Quality');
  await expect(first.locator('[data-param="resolution"]')).toHaveText('1080p');
  await expect(first.locator('[data-param="audio"]')).toHaveText('Audio');
  await expect(tile(page, OTHERS[2]).locator('[data-param="audio"]')).toHaveText('Silent');
  await expect(first.locator('[data-param^="prompt"]').first()).toBeVisible();

  // W: the wipe. B is cut at the divider, which drags and answers the arrow keys.
  await page.keyboard.press('w');
  await expect(page.locator('.cmp')).toHaveAttribute('data-mode', 'wipe');
  const divider = page.getByRole('slider', { name: 'Wipe divider' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  const zone = (await page.locator('.cmp-wipe-zone').boundingBox())!;
  await page.mouse.move(zone.x + zone.width * 0.5, zone.y + zone.height / 2);
  await page.mouse.down();
  await page.mouse.move(zone.x + zone.width * 0.25, zone.y + zone.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(divider).toHaveAttribute('aria-valuenow', '25');
  await divider.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '26');
  await expect(tile(page, OTHERS[2]).locator('.cmp-picture')).toHaveCSS('clip-path', /inset\(0px 0px 0px 26%\)/);

  // \ : A/B, showing B; again, A. The clip shown is the one focused (P and X act on it).
  await page.locator('.cmp').focus();
  await page.keyboard.press('\\');
  await expect(page.locator('.cmp')).toHaveAttribute('data-mode', 'ab');
  await expect(tile(page, OTHERS[1]).locator('.cmp-picture')).toHaveCSS('visibility', 'hidden');
  await expect(tile(page, OTHERS[2]).locator('.cmp-picture')).toHaveCSS('visibility', 'visible');
  await expect(page).toHaveURL(new RegExp(`&v=${OTHERS[2]}$`));
  await page.keyboard.press('\\');
  await expect(tile(page, OTHERS[1]).locator('.cmp-picture')).toHaveCSS('visibility', 'visible');

  // A reload opens the same comparison.
  await page.reload();
  await readyToCompare(page, 2);
  await expect(tiles(page).first()).toHaveAttribute('data-clip-id', OTHERS[1]);

  // Escape: the library, with the comparison's two clips selected (opened from the address, it came from nowhere else).
  await page.keyboard.press('Escape');
  await expect(cell(page, OTHERS[1])).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, OTHERS[2])).toHaveAttribute('aria-selected', 'true');
});

test('the compare view passes axe in both themes, side by side and as a wipe', async ({ page }) => {
  host = await startCompareHost();
  await page.goto(host.url);
  await openTakes(page);
  await page.keyboard.press('2');
  await page.keyboard.press('x');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    expect(await violations(page), `four takes, ${theme}`).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await cell(page, OTHERS[0]).click();
  await cell(page, OTHERS[1]).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: /Compare · 2/ }).click();
  await readyToCompare(page, 2);
  await page.keyboard.press('w');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    expect(await violations(page), `wipe, ${theme}`).toEqual([]);
  }
});

async function prefer(page: Page, language: 'en' | 'ko', theme: 'light' | 'dark'): Promise<void> {
  await page.locator('nav [data-nav="settings"]').click();
  await page.locator('#settings-language').selectOption(language);
  await page.locator('#settings-theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.emulateMedia({ colorScheme: theme });
  // Back: the comparison, as the address had it.
  await page.goBack();
  // Off the header: a tab left hovered would show in every screenshot.
  await page.mouse.move(1, 300);
}

test('screenshots: four takes and a two-clip wipe at 1024×700 and 1920×1080, light/dark, en/ko', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startCompareHost();
  await page.goto(host.url);
  await openTakes(page);
  // A take picked, one rejected, one soloed, on a frame past the 2 s take's end.
  await page.keyboard.press('2');
  await page.keyboard.press('p');
  await page.keyboard.press('3');
  await page.keyboard.press('x');
  await page.keyboard.press('2');
  await page.getByRole('slider', { name: 'Position' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(page.getByTestId('compare-counter')).toHaveText(/f 73 \/ 192/);
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await prefer(page, language, theme);
      await readyToCompare(page, 4);
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await settled(page);
        await page.screenshot({ path: `test-results/screenshots/compare-takes-${width}x${height}-${theme}-${language}.png` });
      }
    }
  }
  await page.keyboard.press('Escape');
  await cell(page, OTHERS[1]).click();
  await cell(page, OTHERS[2]).click({ modifiers: ['Control'] });
  await page.locator('.cmp-open').click();
  await readyToCompare(page, 2);
  await page.keyboard.press('w');
  await page.keyboard.press('.');
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/compare-wipe-${width}x${height}-dark-ko.png` });
  }
});
