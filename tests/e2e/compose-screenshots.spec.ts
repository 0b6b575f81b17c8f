import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process.js';
import { dropFile, fixtureBytes } from './support/compose-drop.js';
import { setPreferences } from './support/compose-preferences.js';
import { expectNoPageScroll } from './support/studio-page.js';

/**
 * Screenshots of composing in the Studio (the options rail with "More" open,
 * a prompt, both frame chips set and the first frame's card open, a second
 * draft tab) in light/dark × en/ko, at 1024×700 and 1920×1080, plus a narrow
 * window. Saved under test-results/screenshots/ (not committed).
 */

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('compose in light and dark, English and Korean', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startHostProcess();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.locator('.draft-tab-new').click();
  await page.locator('#prompt').fill('A paper boat drifting down a rainy street at dusk, cinematic, shallow depth of field');
  await dropFile(page, '[data-frame-zone="first"]', { name: 'start.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-16x9-smptebars.jpg') });
  // The last chip opens only once the first frame is in (its import is asynchronous).
  await expect(page.locator('[data-frame-zone="first"]')).toHaveAttribute('data-state', 'filled');
  await dropFile(page, '[data-frame-zone="last"]', { name: 'portrait.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-9x16-mandelbrot.jpg') });
  await expect(page.locator('[data-frame-zone="last"]')).toHaveAttribute('data-state', 'filled');
  await page.locator('.rail-more > summary').click();
  await page.locator('#negative-prompt').fill('text, watermarks');

  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await setPreferences(page, { language, theme });
      await expect(page.locator('[data-frame-zone="last"] img')).toBeVisible();
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.locator('[data-frame-zone="last"] img').first().click();
        await expect(page.locator('.frame-pop')).toBeVisible();
        await expectNoPageScroll(page);
        await page.screenshot({ path: `test-results/screenshots/compose-${width}x${height}-${theme}-${language}.png` });
        await page.keyboard.press('Escape');
      }
    }
  }
  // A narrow window: the rail narrows, nothing scrolls but the panes.
  await page.setViewportSize({ width: 760, height: 700 });
  await expectNoPageScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/compose-narrow-dark-ko.png' });
});
