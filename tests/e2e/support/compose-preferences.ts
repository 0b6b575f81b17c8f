import type { Page } from '@playwright/test';

/**
 * Sets language and theme through the Settings view (main persists them), then
 * returns to the Studio. Uses the settings controls' ids and the nav's data-nav.
 */
export async function setPreferences(page: Page, prefs: { language: 'en' | 'ko'; theme: 'light' | 'dark' }): Promise<void> {
  await page.locator('[data-nav="settings"]').click();
  await page.locator('#settings-language').selectOption(prefs.language);
  await page.locator('#settings-theme').selectOption(prefs.theme);
  await page.locator('html[data-theme="' + prefs.theme + '"]').waitFor({ state: 'attached' });
  await page.locator(`html[lang="${prefs.language}"]`).waitFor({ state: 'attached' });
  await page.locator('[data-nav="studio"]').click();
}
