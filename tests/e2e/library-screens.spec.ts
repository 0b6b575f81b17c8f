import { expect, test, type Page } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary } from './support/library-page.js';

/** Screenshots of the library grid and the details pane in light/dark × en/ko, saved under test-results/screenshots/. */

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

test('library and details screenshots in light/dark and en/ko', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startLibraryHost({ count: 240, posters: true });
  await page.goto(host.url);
  await openLibrary(page);
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await prefer(page, language, theme);
      const grid = page.locator('.lib-scroll');
      await expect(grid.getByRole('option').first()).toBeVisible();
      await expect.poll(() => grid.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/library-${theme}-${language}.png` });
      await grid.getByRole('option').nth(1).click();
      const video = page.locator('.lib-details video');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: `test-results/screenshots/details-${theme}-${language}.png` });
      await page.keyboard.press('Delete');
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/details-confirm-${theme}-${language}.png` });
      await page.getByRole('alertdialog').getByRole('button').last().click();
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
