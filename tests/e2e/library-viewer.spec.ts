import { expect, test, type Locator, type Page } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { MOVING_MP4 } from './support/library-fixture.js';
import { openLibrary } from './support/library-page.js';

/**
 * The viewer steps exact frames of a 24 fps clip: `.` and `,` land on n/24 (± 1 ms), the counter and
 * timecode say so, and the picture on screen IS frame n (compared pixel by pixel with the middle of
 * frame n decoded elsewhere). A reload keeps the clip (the address holds it; the token stays in the tab).
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const FPS = 24;

async function openFirstClip(page: Page): Promise<Locator> {
  await openLibrary(page);
  await page.locator('.lib-scroll').getByRole('option').first().click();
  const video = page.locator('.viewer video');
  // The frame clock is read from the file: 24 fps, 48 frames in the 2 s fixture.
  await expect(video).toHaveAttribute('data-fps', String(FPS));
  await expect(video).toHaveAttribute('data-frames', '48');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  return video;
}

const position = (video: Locator) => video.evaluate((v: HTMLVideoElement) => (v.seeking ? -1 : v.currentTime));

/** Mean absolute difference between the viewer's picture and the middle of frame `n` (and of frame n-1), decoded by a second <video>. */
async function pictureVsReference(video: Locator, n: number): Promise<{ toFrame: number; toPrevious: number }> {
  return video.evaluate(async (v: HTMLVideoElement, frame: number) => {
    const sample = (el: HTMLVideoElement): number[] => {
      const c = document.createElement('canvas');
      c.width = el.videoWidth;
      c.height = el.videoHeight;
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.drawImage(el, 0, 0);
      return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
    };
    const seek = (el: HTMLVideoElement, t: number) =>
      new Promise<void>((resolve) => {
        el.addEventListener('seeked', () => resolve(), { once: true });
        el.currentTime = t;
      });
    const ref = document.createElement('video');
    ref.crossOrigin = 'anonymous';
    ref.muted = true;
    ref.preload = 'auto';
    ref.src = v.src;
    await new Promise((resolve) => ref.addEventListener('loadeddata', resolve, { once: true }));
    const diff = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + Math.abs(x - (b[i] ?? 0)), 0) / a.length;
    const shown = sample(v);
    await seek(ref, (frame + 0.5) / 24);
    const middle = sample(ref);
    await seek(ref, (frame - 0.5) / 24);
    const previous = sample(ref);
    ref.removeAttribute('src');
    ref.load();
    return { toFrame: diff(shown, middle), toPrevious: diff(shown, previous) };
  }, n);
}

test('"." and "," step exactly one frame of a 24 fps clip, and the picture is that frame', async ({ page }) => {
  host = await startLibraryHost({ count: 3, video: MOVING_MP4 });
  await page.goto(host.url);
  const video = await openFirstClip(page);
  const counter = page.getByTestId('frame-counter');
  const tc = page.locator('.viewer-tc');
  await expect(counter).toHaveText('f 1 / 48');
  await expect(tc).toHaveText('00:00:00:00');

  await page.getByRole('listbox', { name: 'Videos' }).focus();
  for (let n = 1; n <= 30; n++) {
    await page.keyboard.press('.');
    await expect.poll(() => position(video)).toBeGreaterThanOrEqual(0);
    expect(Math.abs((await position(video)) - n / FPS)).toBeLessThanOrEqual(0.001);
    await expect(counter).toHaveText(`f ${n + 1} / 48`);
    await expect(tc).toHaveText(`00:00:${String(Math.floor(n / FPS)).padStart(2, '0')}:${String(n % FPS).padStart(2, '0')}`);
  }
  // The picture is frame 30 itself, not the one before (a seek to exactly 30/24 would show frame 29).
  const at30 = await pictureVsReference(video, 30);
  expect(at30.toFrame).toBe(0);
  expect(at30.toPrevious).toBeGreaterThan(1);

  for (let n = 29; n >= 25; n--) {
    await page.keyboard.press(',');
    await expect(counter).toHaveText(`f ${n + 1} / 48`);
    expect(Math.abs((await position(video)) - n / FPS)).toBeLessThanOrEqual(0.001);
  }
  const at25 = await pictureVsReference(video, 25);
  expect(at25.toFrame).toBe(0);

  // Held at the ends: the last frame stays the last, the first the first.
  await page.getByRole('slider', { name: 'Position' }).press('End');
  await expect(counter).toHaveText('f 48 / 48');
  await page.keyboard.press('.');
  await expect(counter).toHaveText('f 48 / 48');
  expect(Math.abs((await position(video)) - 47 / FPS)).toBeLessThanOrEqual(0.001);
  await page.getByRole('slider', { name: 'Position' }).press('Home');
  await page.keyboard.press(',');
  await expect(counter).toHaveText('f 1 / 48');
});

test('I and O mark a range on the timeline; marks stay with their clip; J/K/L shuttle; Space plays', async ({ page }) => {
  host = await startLibraryHost({ count: 3, video: MOVING_MP4 });
  await page.goto(host.url);
  const video = await openFirstClip(page);
  const grid = page.getByRole('listbox', { name: 'Videos' });
  await grid.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('.');
  await page.keyboard.press('i');
  for (let i = 0; i < 12; i++) await page.keyboard.press('.');
  await page.keyboard.press('o');
  await expect(page.locator('.viewer-marks')).toHaveText('In 00:00:00:06 · out 00:00:00:18');
  await expect(page.locator('.viewer-mark.in')).toBeVisible();
  await expect(page.locator('.viewer-mark.out')).toBeVisible();

  // Another clip has no marks; back on the first, its marks are still there.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.viewer-marks')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.viewer-marks')).toHaveText('In 00:00:00:06 · out 00:00:00:18');

  await page.keyboard.press('l');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.playbackRate === 1)).toBe(true);
  await page.keyboard.press('l');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(2);
  await page.keyboard.press('k');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  // J plays backwards (by stepping): from the last frame, the position goes down.
  await page.getByRole('slider', { name: 'Position' }).press('End');
  await expect(page.getByTestId('frame-counter')).toHaveText('f 48 / 48');
  await grid.focus();
  await page.keyboard.press('j');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(47 / 24 - 0.1);
  await page.keyboard.press('k');
  // K stops the stepping too: the position holds over the next animation frames.
  const held = await video.evaluate(async (v: HTMLVideoElement) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    while (v.seeking) await nextFrame();
    const t = v.currentTime;
    for (let i = 0; i < 10; i++) await nextFrame();
    return v.currentTime === t;
  });
  expect(held).toBe(true);

  await page.keyboard.press('Space');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
});

test('a reload opens the same clip (the address holds it; the access token stays in the tab)', async ({ page }) => {
  host = await startLibraryHost({ count: 5, posters: true });
  await page.goto(host.url);
  await openLibrary(page);
  const third = page.locator('.lib-scroll').getByRole('option').nth(2);
  await third.click();
  const id = await third.getAttribute('data-video-id');
  expect(id).toBeTruthy();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/library?v=${id}`);
  expect(page.url()).not.toContain('token=');

  await page.reload();
  await expect(page.locator('.lib-details')).toHaveAttribute('data-video-id', id ?? '');
  await expect(page.locator(`.lib-cell[data-video-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');
  // Still connected after the reload: the library answered, so the token was kept.
  await expect(page.locator('.lib-count')).toHaveText('5 videos');

  // Back returns to the view before, Forward to the clip.
  await page.locator('nav [data-nav="settings"]').click();
  await page.goBack();
  await expect(page.locator('nav [data-nav="library"]')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.lib-details')).toHaveAttribute('data-video-id', id ?? '');
});
