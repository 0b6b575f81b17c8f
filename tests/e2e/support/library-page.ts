import { expect, type Page } from '@playwright/test';

/** Page helpers shared by the library specs and the UI bench. */

export async function openLibrary(page: Page): Promise<void> {
  await page.locator('nav [data-nav="library"]').click();
  await expect(page.getByRole('listbox', { name: /Videos|영상/ }).or(page.locator('.lib-empty'))).toBeVisible();
}

/** The count the toolbar shows (data-count on the status line). */
export async function shownCount(page: Page): Promise<number> {
  return Number(await page.locator('.lib-count[data-count]').getAttribute('data-count'));
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
}
