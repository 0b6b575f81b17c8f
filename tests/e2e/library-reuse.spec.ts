import { expect, test } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary } from './support/library-page.js';

/**
 * From a library video back to the studio: its settings fill the compose
 * panel, and the frame on screen in the viewer becomes the next job's first frame.
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('reuse settings, then use the first frame of a clip as the next first frame', async ({ page }) => {
  host = await startLibraryHost({ count: 6, posters: true });
  await page.goto(host.url);
  await openLibrary(page);
  await page.locator('.lib-scroll').getByRole('option').first().click();
  await expect(page.locator('.lib-details video')).toBeVisible();
  const details = (await page.locator('.lib-details').textContent()) ?? '';

  // Reuse settings goes to the studio with the video's prompt (and replaces every field, frames included).
  await page.getByRole('button', { name: 'Reuse settings' }).click();
  await expect(page.locator('nav [data-nav="studio"]')).toHaveAttribute('aria-current', 'page');
  const typed = await page.getByLabel('Prompt').inputValue();
  expect(typed.length).toBeGreaterThan(0);
  expect(details).toContain(typed);
  await expect(page.locator('[data-frame-zone="first"]')).not.toHaveAttribute('data-state', 'filled');

  // Then the frame on screen, grabbed on a canvas and imported by main, becomes the next first frame.
  await openLibrary(page);
  await page.locator('.lib-scroll').getByRole('option').first().click();
  await expect.poll(() => page.locator('.lib-details video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.viewer video')).toHaveAttribute('data-fps', '24');
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('.');
  await expect(page.getByTestId('frame-counter')).toHaveText('f 13 / 48');
  await page.getByRole('button', { name: 'As first frame', exact: true }).click();
  await expect(page.getByText('Frame added to the studio.')).toBeVisible();
  await page.locator('nav [data-nav="studio"]').click();
  await expect(page.locator('[data-frame-zone="first"]')).toHaveAttribute('data-state', 'filled');
  await expect.poll(() => page.locator('[data-frame-zone="first"] img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByLabel('Prompt')).toHaveValue(typed);
});
