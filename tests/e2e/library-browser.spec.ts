import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { VideoSidecar } from '../../shared/domain/video.js';
import { dropFile } from './support/compose-drop.js';
import { MOVING_MP4 } from './support/library-fixture.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary, shownCount } from './support/library-page.js';

/**
 * The library as a media browser: filter words in the search box narrow the grid (and a word that is
 * not a filter is said so), takes stack per shot with ×N, several clips are favourited, trashed and
 * brought back with one Undo, a download in the browser host is the exact file, and a video dropped
 * on a frame zone gives its first or last frame.
 *
 * The library: a 4-take shot (fox, quality, 16:9, tagged hero; take 1 a favourite, take 2 also
 * b-roll), a 2-take shot (tram, fast, 9:16, tagged night) and six single clips (fast, 16:9 but one
 * 9:16, no tags): 12 videos, 8 shots.
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const FOX = 'A red fox crossing a snowy field at dawn';
const TRAM = 'A city tram passing under neon lights in the rain';

function shaped(i: number, s: VideoSidecar): VideoSidecar {
  const take = (jobId: string, index: number, count: number, prompt: string, over: Partial<VideoSidecar['request']>, tags: string[], favorite: boolean): VideoSidecar => ({
    ...s,
    id: `${jobId}-${index}`,
    jobId,
    index,
    model: over.model ?? s.model,
    request: { ...s.request, ...over, prompt, sample_count: count },
    user: { favorite, tags },
  });
  if (i < 4) return take('libfox', i, 4, FOX, { model: 'veo3.1-quality-official', aspect_ratio: '16:9' }, i === 1 ? ['hero', 'b-roll'] : ['hero'], i === 0);
  if (i < 6) return take('libtram', i - 4, 2, TRAM, { model: 'veo3.1-fast-official', aspect_ratio: '9:16' }, ['night'], false);
  return { ...s, model: 'veo3.1-fast-official', request: { ...s.request, model: 'veo3.1-fast-official', aspect_ratio: i === 9 ? '9:16' : '16:9' }, user: { favorite: false, tags: [] } };
}

async function start(page: Page): Promise<LibraryHost> {
  host = await startLibraryHost({ count: 12, posters: true, video: MOVING_MP4, edit: shaped });
  await page.goto(host.url);
  await openLibrary(page);
  await expect.poll(() => shownCount(page)).toBe(12);
  return host;
}

const search = (page: Page) => page.getByLabel('Search prompts and tags');
const chip = (page: Page, word: string) => page.locator(`.lib-chip[data-chip="${word}"]`);
const cells = (page: Page) => page.locator('.lib-scroll').getByRole('option');
const count = (page: Page) => page.locator('.lib-count');

test('filter words narrow the grid (tag:, ar:, model:, fav:), become chips, and a word that is not a filter is said so', async ({ page }) => {
  await start(page);
  const box = search(page);
  // The box's tooltip spells every filter word.
  for (const word of ['tag:hero,night', 'ar:9:16', 'model:quality', 'fav:yes', 'dur:8', 'res:1080p', 'audio:no', 'from:']) await expect(box).toHaveAttribute('title', new RegExp(word));

  // A finished filter word (a space after it) becomes a chip and narrows the grid.
  await box.pressSequentially('tag:night ');
  await expect(chip(page, 'tag:night')).toBeVisible();
  await expect(box).toHaveValue('');
  await expect.poll(() => shownCount(page)).toBe(2);
  await chip(page, 'tag:night').getByRole('button', { name: 'Remove tag:night' }).click();
  await expect.poll(() => shownCount(page)).toBe(12);

  // Either tag: a comma; both tags: two words.
  await box.pressSequentially('tag:hero,night ');
  await expect.poll(() => shownCount(page)).toBe(6);
  await box.pressSequentially('tag:b-roll');
  // Still being typed: not applied, not judged.
  await expect.poll(() => shownCount(page)).toBe(6);
  await box.press('Enter');
  await expect(chip(page, 'tag:b-roll')).toBeVisible();
  await expect.poll(() => shownCount(page)).toBe(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => shownCount(page)).toBe(12);

  await box.pressSequentially('ar:9:16 ');
  await expect.poll(() => shownCount(page)).toBe(3);
  // Backspace in the empty box takes the last chip back to edit it.
  await box.press('Backspace');
  await expect(chip(page, 'ar:9:16')).toHaveCount(0);
  await expect(box).toHaveValue('ar:9:16');
  await expect.poll(() => shownCount(page)).toBe(12);
  await box.fill('');

  await box.pressSequentially('model:quality fav:yes');
  await box.press('Enter');
  await expect(chip(page, 'model:quality')).toBeVisible();
  await expect(chip(page, 'fav:yes')).toBeVisible();
  await expect.poll(() => shownCount(page)).toBe(1);
  await expect(count(page)).toHaveText('1 video');
  await chip(page, 'fav:yes').getByRole('button').click();
  await expect.poll(() => shownCount(page)).toBe(4);

  // Words search tags as well as prompts.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await box.fill('b-roll');
  await expect.poll(() => shownCount(page)).toBe(1);

  // Not a filter, or a value a filter does not take: said in words, and left out of the search.
  await box.fill('colour:red ar:5:4 ');
  const hint = page.locator('.lib-hint');
  await expect(hint).toContainText('“colour:red” is not a filter.');
  await expect(hint).toContainText('Filters: tag: ar: model: fav: dur: res: audio: from: to:');
  await expect(hint).toContainText('“ar:5:4”: ar: takes 16:9 · 9:16.');
  await expect(hint).toContainText('Left out of the search.');
  await expect.poll(() => shownCount(page)).toBe(12);
  await box.fill('');
  await expect(hint).toHaveCount(0);

  // "+ Filter" inserts the same chips. Its menu opens under its button; in the narrowest window it
  // moves left only as far as it must to stay inside.
  const opener = page.getByRole('button', { name: '+ Filter' });
  const menu = page.getByRole('dialog', { name: 'Filter' });
  const place = async () => {
    const [b, m] = [await opener.boundingBox(), await menu.boundingBox()];
    return b && m ? { underButton: Math.round(m.x) === Math.round(b.x), inside: m.x >= 0 && m.x + m.width <= (page.viewportSize()?.width ?? 0) } : undefined;
  };
  await opener.click();
  await expect.poll(place).toEqual({ underButton: true, inside: true });
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 900, height: 700 });
  await opener.click();
  await opener.click();
  await expect.poll(async () => (await place())?.inside).toBe(true);
  await page.setViewportSize(size);
  await opener.click();
  await opener.click();
  await expect(menu).toBeVisible();
  await menu.getByRole('group', { name: 'Aspect' }).getByRole('button', { name: '9:16' }).click();
  await expect(chip(page, 'ar:9:16')).toBeVisible();
  await menu.getByRole('textbox', { name: 'Tags' }).fill('night');
  await menu.getByRole('button', { name: 'Add' }).click();
  await expect(chip(page, 'tag:night')).toBeVisible();
  await expect.poll(() => shownCount(page)).toBe(2);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});

test('stacking takes shows one tile per shot with ×N; a stack opens to its numbered takes; hover scrubs the clip', async ({ page }) => {
  await start(page);
  // Unstacked, every take says which it is.
  await expect(page.locator('.lib-cell[data-video-id="libfox-2"] .lib-badge-takes')).toHaveText('#3 ×4');

  await page.getByRole('button', { name: 'Stack takes' }).click();
  await expect(page.getByRole('button', { name: 'Stack takes' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shownCount(page)).toBe(8);
  await expect(count(page)).toHaveText('8 shots');
  const fox = page.locator('.lib-cell').filter({ hasText: FOX });
  await expect(fox).toHaveCount(1);
  await expect(fox.locator('.lib-badge-takes')).toHaveText('×4');
  await expect(page.locator('.lib-cell').filter({ hasText: TRAM }).locator('.lib-badge-takes')).toHaveText('×2');

  await fox.locator('.lib-badge-takes').click();
  await expect(page.locator('.lib-chip[data-chip="shot"]')).toContainText(FOX.slice(0, 10));
  await expect.poll(() => shownCount(page)).toBe(4);
  await expect(page.locator('.lib-badge-takes')).toHaveText(['#4 ×4', '#3 ×4', '#2 ×4', '#1 ×4']);
  await page.locator('.lib-chip[data-chip="shot"]').getByRole('button').click();
  await expect.poll(() => shownCount(page)).toBe(8);

  // Hover-scrub: the pointer's x over a poster is the time of the clip shown there.
  const poster = cells(page).first().locator('.lib-poster');
  const box = await poster.boundingBox();
  if (!box) throw new Error('no poster');
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
  const scrub = page.locator('.lib-scrub');
  await expect(scrub).toHaveCount(1);
  await expect
    .poll(() => scrub.evaluate((v: HTMLVideoElement) => (v.duration > 0 && !v.seeking ? v.currentTime / v.duration : -1)))
    .toBeCloseTo(0.75, 2);
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect
    .poll(() => scrub.evaluate((v: HTMLVideoElement) => (v.duration > 0 && !v.seeking ? v.currentTime / v.duration : -1)))
    .toBeCloseTo(0.25, 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
  await expect(scrub).toHaveCount(0);
});

test('multi-select: favourite all, trash all with one Undo that puts every file back', async ({ page }) => {
  const h = await start(page);
  const picked = ['lib00006-0', 'lib00007-0', 'lib00008-0'];
  const cell = (id: string) => page.locator(`.lib-cell[data-video-id="${id}"]`);
  await cell(picked[0] ?? '').click();
  await cell(picked[2] ?? '').click({ modifiers: ['Shift'] });
  const bulk = page.getByRole('toolbar', { name: 'Selected videos' });
  await expect(bulk).toContainText('3 selected');
  for (const id of picked) await expect(cell(id)).toHaveAttribute('aria-selected', 'true');
  // Ctrl-click takes one out and puts it back.
  await cell(picked[1] ?? '').click({ modifiers: ['Control'] });
  await expect(bulk).toContainText('2 selected');
  await cell(picked[1] ?? '').click({ modifiers: ['Control'] });
  await expect(bulk).toContainText('3 selected');

  await bulk.getByRole('button', { name: '☆ Favourite' }).click();
  for (const id of picked) await expect(cell(id).locator('.lib-badge-fav')).toBeVisible();
  // All of them are now: the same button takes them out again, and says so.
  await expect(bulk.getByRole('button', { name: '★ Remove from favourites' })).toHaveAttribute('aria-pressed', 'true');
  await bulk.getByRole('button', { name: 'Tag' }).click();
  await page.getByRole('dialog', { name: 'Tag' }).getByLabel('New tag').fill('keeper');
  await page.getByRole('dialog', { name: 'Tag' }).getByRole('button', { name: 'Add tag' }).click();
  for (const id of picked) await expect(cell(id).locator('.lib-badge-tags')).toHaveText('keeper');

  const files = picked.map((id) => `clip-${id.slice(3, 8)}.mp4`);
  for (const f of files) expect(existsSync(join(h.outDir, f))).toBe(true);
  await bulk.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.locator('.lib-toast')).toContainText('Moved 3 videos to the trash.');
  await expect.poll(() => shownCount(page)).toBe(9);
  for (const f of files) {
    expect(existsSync(join(h.outDir, f))).toBe(false);
    expect(existsSync(join(h.outDir, '.keyframe-trash', f))).toBe(true);
  }

  await page.locator('.lib-toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => shownCount(page)).toBe(12);
  for (const f of files) expect(existsSync(join(h.outDir, f))).toBe(true);
  for (const id of picked) {
    await expect(cell(id)).toHaveAttribute('aria-selected', 'true');
    // Favourite and tag live in the sidecar: back with the file.
    await expect(cell(id).locator('.lib-badge-fav')).toBeVisible();
  }
  await expect(bulk).toContainText('3 selected');
  await page.keyboard.press('Escape');
  await expect(bulk).toHaveCount(0);
});

test('in the browser host: Download saves the exact bytes; Show in folder and Drag out are not offered; the viewer takes at least half the width', async ({ page }) => {
  const h = await start(page);
  await page.locator('.lib-cell[data-video-id="libfox-1"]').click();
  const details = page.locator('.lib-details');
  await expect(details).toHaveAttribute('data-video-id', 'libfox-1');
  await expect(details.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: /Drag out/ })).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), details.getByRole('link', { name: /Download/ }).click()]);
  expect(download.suggestedFilename()).toBe('clip-00001.mp4');
  const saved = await download.path();
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  expect(sha(saved)).toBe(sha(join(h.outDir, 'clip-00001.mp4')));

  // Layout: the viewer side is at least half of the body, and the page itself never scrolls.
  const widths = await page.evaluate(() => ({
    body: document.querySelector('.lib-body')?.getBoundingClientRect().width ?? 0,
    viewer: document.querySelector('.lib-details')?.getBoundingClientRect().width ?? 0,
    page: document.scrollingElement?.scrollHeight ?? 0,
  }));
  expect(widths.viewer).toBeGreaterThanOrEqual(widths.body * 0.5 - 8);
  expect(widths.page).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);

  // The bar between grid and viewer resizes from the keyboard, within [50 %, 80 %], and is remembered.
  const bar = page.getByRole('separator', { name: 'Viewer width' });
  const before = Number(await bar.getAttribute('aria-valuenow'));
  await bar.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('aria-valuenow', String(before + 4));
  await page.keyboard.press('Home');
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await page.keyboard.press('End');
  await expect(bar).toHaveAttribute('aria-valuenow', '80');
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Viewer width' })).toHaveAttribute('aria-valuenow', '80');
});

test('a video dropped on the first-frame zone offers its first or last frame and sets that frame', async ({ page }) => {
  await start(page);
  await page.locator('nav [data-nav="studio"]').click();
  const zone = page.locator('[data-frame-zone="first"]');
  await dropFile(page, '[data-frame-zone="first"]', { name: 'walk.mp4', type: 'video/mp4', bytes: [...readFileSync(MOVING_MP4)] });
  const choice = page.getByRole('dialog', { name: 'A frame of “walk.mp4”' });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole('button', { name: 'Its first frame' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('.frame-choice').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/frame-drop-choice-1280x800-light-en.png' });
  await choice.getByRole('button', { name: 'Its last frame' }).click();
  await expect(choice).toHaveCount(0);
  await expect(zone).toHaveAttribute('data-state', 'filled');
  const img = zone.locator('img').first();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

  // The picture is the clip's last frame (48 of 48), not the one before it.
  const diff = await img.evaluate(async (shown: HTMLImageElement, bytes: number[]) => {
    const pixels = (source: CanvasImageSource, w: number, h: number): number[] => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.drawImage(source, 0, 0, w, h);
      return Array.from(ctx.getImageData(0, 0, w, h).data);
    };
    const ref = document.createElement('video');
    ref.muted = true;
    ref.src = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'video/mp4' }));
    await new Promise((r) => ref.addEventListener('loadeddata', r, { once: true }));
    const at = async (t: number) => {
      await new Promise<void>((r) => {
        ref.addEventListener('seeked', () => r(), { once: true });
        ref.currentTime = t;
      });
      return pixels(ref, 160, 90);
    };
    const mine = pixels(shown, 160, 90);
    const mean = (a: number[], b: number[]) => a.reduce((s, x, i) => s + Math.abs(x - (b[i] ?? 0)), 0) / a.length;
    const last = await at(47.5 / 24);
    const before = await at(46.5 / 24);
    return { toLast: mean(mine, last), toBefore: mean(mine, before) };
  }, [...readFileSync(MOVING_MP4)]);
  expect(diff.toLast).toBeLessThan(diff.toBefore);
  expect(diff.toLast).toBeLessThan(8);

  // Dropped on the prompt beside the chips, a video is offered for the next empty slot: the last frame.
  await dropFile(page, '#prompt', { name: 'walk.mp4', type: 'video/mp4', bytes: [...readFileSync(MOVING_MP4)] });
  await expect(page.locator('[data-frame-choice="last"]')).toBeVisible();
  await page.locator('[data-frame-choice="last"]').getByRole('button', { name: 'Cancel' }).click();
  await expect(choice).toHaveCount(0);
  await expect(page.locator('[data-frame-zone="last"]')).toHaveAttribute('data-state', 'empty');
  await expect(page.locator('[data-frame-error]')).toHaveCount(0);
});
