import { expect, test, type Page } from '@playwright/test';
import type { VideoSidecar } from '../../shared/domain/video.js';
import { MOVING_MP4 } from './support/library-fixture.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary } from './support/library-page.js';

/** Screenshots of the library grid with the viewer open in light/dark × en/ko at two window sizes, saved under test-results/screenshots/. */

let host: LibraryHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function prefer(page: Page, language: 'en' | 'ko', theme: 'light' | 'dark'): Promise<void> {
  await page.locator('nav [data-nav="settings"]').click();
  await page.locator('#settings-language').selectOption(language);
  await page.locator('#settings-theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.locator('nav [data-nav="library"]').click();
}

test('library with the viewer open: screenshots at 1024×700 and 1920×1080, light/dark, en/ko', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startLibraryHost({ count: 240, posters: true, video: MOVING_MP4 });
  await page.goto(host.url);
  await openLibrary(page);
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await prefer(page, language, theme);
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        const grid = page.locator('.lib-scroll');
        await expect(grid.getByRole('option').first()).toBeVisible();
        await grid.getByRole('option').nth(1).click();
        const video = page.locator('.viewer video');
        await expect(video).toHaveAttribute('data-fps', '24');
        await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
        // A frame with marks and guides on, as a person reviewing a take would have it.
        await grid.focus();
        for (let i = 0; i < 5; i++) await page.keyboard.press('.');
        await page.keyboard.press('i');
        for (let i = 0; i < 20; i++) await page.keyboard.press('.');
        await page.keyboard.press('o');
        await page.locator('.viewer').getByRole('button', { name: /guides|가이드/ }).click();
        await expect(page.getByTestId('frame-counter')).toHaveText('f 26 / 48');
        await expect.poll(() => grid.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
        await page.screenshot({ path: `test-results/screenshots/library-viewer-${width}x${height}-${theme}-${language}.png` });
        await page.locator('.viewer').getByRole('button', { name: /guides|가이드/ }).click();
        // Trash: the toast with Undo.
        await page.keyboard.press('Delete');
        await expect(page.locator('.lib-toast')).toBeVisible();
        await page.screenshot({ path: `test-results/screenshots/library-trashed-${width}x${height}-${theme}-${language}.png` });
        await page.locator('.lib-toast button').first().click();
        await expect(page.locator('.lib-toast')).toHaveCount(0);
      }
    }
  }
});

/** Jobs of four takes first (tagged, some portrait, some favourites), then single clips. */
function takesAndTags(i: number, s: VideoSidecar): VideoSidecar {
  if (i >= 48) return s;
  const job = Math.floor(i / 4);
  const index = i % 4;
  const tags = [['hero'], ['night', 'b-roll'], []][job % 3] ?? [];
  return {
    ...s,
    id: `libjob${job}-${index}`,
    jobId: `libjob${job}`,
    index,
    request: { ...s.request, sample_count: 4, aspect_ratio: job % 4 === 3 ? '9:16' : '16:9', prompt: s.request.prompt.replace(/, take \d+$/, '') },
    user: { favorite: index === 1 && job % 2 === 0, tags },
  };
}

test('library as a media browser: chips, stacked takes, the bulk bar and "+ Filter", at 1024×700 and 1920×1080, light/dark, en/ko', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startLibraryHost({ count: 120, posters: true, video: MOVING_MP4, edit: takesAndTags });
  await page.goto(host.url);
  await openLibrary(page);
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await prefer(page, language, theme);
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        const search = page.locator('#lib-search');
        await page.locator('.lib-search-clear').click({ timeout: 1000 }).catch(() => undefined);
        await search.fill('cinematic');
        await search.press('Enter');
        await search.pressSequentially(' tag:hero,night colr:red ');
        await expect(page.locator('.lib-chip[data-chip="tag:hero,night"]')).toBeVisible();
        await expect(page.locator('.lib-hint')).toBeVisible();
        const stack = page.locator('.lib-toolbar button[aria-pressed]');
        if ((await stack.getAttribute('aria-pressed')) !== 'true') await stack.click();
        const grid = page.locator('.lib-scroll');
        await expect(grid.getByRole('option').nth(2)).toBeVisible();
        await grid.getByRole('option').nth(0).click();
        await grid.getByRole('option').nth(2).click({ modifiers: ['Control'] });
        await expect(page.locator('.lib-bulk')).toBeVisible();
        // The bulk bar stays one row beside the viewer (its items share one centre line).
        const rows = await page.locator('.lib-bulk > *').evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size);
        expect(rows, `bulk bar rows at ${width}×${height} ${language}`).toBe(1);
        await expect.poll(() => page.locator('.viewer video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
        await expect.poll(() => grid.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
        await page.screenshot({ path: `test-results/screenshots/library-browse-${width}x${height}-${theme}-${language}.png` });

        await page.locator('.lib-fm > button').first().click();
        await expect(page.locator('.lib-fm-pop')).toBeVisible();
        await page.screenshot({ path: `test-results/screenshots/library-filter-menu-${width}x${height}-${theme}-${language}.png` });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      }
    }
  }
});

test('an empty library teaches how to start, and no key offers the demo provider', async ({ page }) => {
  host = await startLibraryHost({ count: 0 });
  await page.goto(host.url);
  await openLibrary(page);
  await expect(page.getByText('Your library is empty').or(page.getByText('No API key yet'))).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/library-empty-en.png' });
});
