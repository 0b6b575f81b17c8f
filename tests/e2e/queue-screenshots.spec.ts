import { expect, test, type Page } from '@playwright/test';
import { jobRow, openView, SCREENSHOTS, startRig, submitPrompt, type Rig } from './support/queue-helpers.js';
import { openActivity } from './support/studio-page.js';

/** The activity drawer with a done, a failed and a running job, in light/dark × en/ko, for people to look at. */

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function setLanguage(page: Page, lang: 'en' | 'ko'): Promise<void> {
  await openView(page, 'settings');
  await page.locator('#settings-language').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await openView(page, 'studio');
  await openActivity(page, lang);
}

test('queue screenshots: done, failed and running jobs', async ({ page }) => {
  test.setTimeout(120_000);
  rig = await startRig(page, { progress: { mode: 'time', durationMs: 2000 } });

  const done = await submitPrompt(page, 'A paper boat drifting down a rainy street at dusk, cinematic');
  await expect(done).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  rig.fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the content safety policy' });
  const failed = await submitPrompt(page, 'A famous actor robbing a bank in broad daylight');
  await expect(failed).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });

  // The download stalls (and is retried after the stall timeout): the job stays running long enough to look at.
  rig.fake.fault({ route: 'file', kind: 'stall', afterBytes: 24_000, times: 4 });
  const running = await submitPrompt(page, 'Koi fish circling in a moonlit pond, slow overhead shot');
  await expect(running).toHaveAttribute('data-state', 'downloading', { timeout: 30_000 });

  for (const lang of ['en', 'ko'] as const) {
    if (lang === 'ko') await setLanguage(page, 'ko');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(jobRow(page, 'Koi fish circling')).toHaveAttribute('data-state', 'downloading');
      await page.screenshot({ path: `${SCREENSHOTS}/queue-${scheme}-${lang}.png`, fullPage: true });
      await page.locator('section.queue').screenshot({ path: `${SCREENSHOTS}/queue-panel-${scheme}-${lang}.png` });
    }
  }
});
