import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process.js';
import { dropFile, fixtureBytes } from './support/compose-drop.js';
import { setPreferences } from './support/compose-preferences.js';

/**
 * Screenshots of the Studio (compose beside the queue) in light/dark × en/ko,
 * with a prompt and both frames set, for a person to look at. Saved under
 * test-results/screenshots/ (not committed).
 */

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('compose in light and dark, English and Korean', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startHostProcess();
  await page.setViewportSize({ width: 1360, height: 1100 });
  await page.goto(host.url);
  await page.locator('#prompt').fill('A paper boat drifting down a rainy street at dusk, cinematic, shallow depth of field');
  await dropFile(page, '[data-frame-zone="first"]', { name: 'start.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-16x9-smptebars.jpg') });
  // The last zone opens only once the first frame is in (its import is asynchronous).
  await expect(page.locator('[data-frame-zone="first"]')).toHaveAttribute('data-state', 'filled');
  await dropFile(page, '[data-frame-zone="last"]', { name: 'portrait.jpg', type: 'image/jpeg', bytes: fixtureBytes('demo-9x16-mandelbrot.jpg') });
  await expect(page.locator('[data-frame-zone="last"]')).toHaveAttribute('data-state', 'filled');

  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await setPreferences(page, { language, theme });
      await expect(page.locator('[data-frame-zone="last"] img')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/compose-${theme}-${language}.png`, fullPage: true });
    }
  }
  // Narrow window: compose and queue stacked.
  await page.setViewportSize({ width: 760, height: 1000 });
  await page.screenshot({ path: 'test-results/screenshots/compose-narrow-dark-ko.png', fullPage: true });
});
