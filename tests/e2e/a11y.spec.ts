import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';

/**
 * Accessibility basics checked by axe (WCAG 2 A and AA: colour contrast, a
 * label or name on every control, valid ARIA) on every view, in the light and
 * the dark theme.
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.locator('nav [data-nav="settings"]').click();
  await page.locator('#settings-theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test(`studio, library and settings pass axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(90_000);
    host = await startLibraryHost({ count: 12, posters: true });
    await page.goto(host.url);
    await useTheme(page, theme);

    await page.locator('nav [data-nav="studio"]').click();
    await page.getByLabel('Prompt').fill('A lighthouse at dawn, slow push-in');
    expect(await violations(page), 'studio').toEqual([]);
    // The folded options, the notices popover and the activity drawer, open.
    await page.locator('.rail-more > summary').click();
    await page.locator('.status-chip').click();
    await expect(page.locator('.status-popover')).toBeVisible();
    expect(await violations(page), 'studio with More and the notices open').toEqual([]);
    await page.getByRole('banner').getByRole('button', { name: 'Activity' }).click();
    await expect(page.getByRole('region', { name: 'Activity', exact: true })).toBeVisible();
    expect(await violations(page), 'activity drawer').toEqual([]);

    await page.locator('nav [data-nav="library"]').click();
    await page.locator('.lib-scroll').getByRole('option').first().click();
    await expect(page.locator('.lib-details video')).toBeVisible();
    expect(await violations(page), 'library').toEqual([]);
    await page.locator('.lib-details').getByRole('tab', { name: 'Lineage' }).click();
    await expect(page.locator('.lib-details .lineage')).toBeVisible();
    expect(await violations(page), 'the Lineage tab').toEqual([]);

    // The browser's own parts: chips and a hint in the search field, stacked takes, the bulk bar, "+ Filter".
    await page.getByLabel('Search prompts and tags').pressSequentially('fav:no colr:red ');
    await expect(page.locator('.lib-hint')).toBeVisible();
    await page.getByRole('button', { name: 'Stack takes' }).click();
    await page.locator('.lib-scroll').getByRole('option').nth(1).click({ modifiers: ['Control'] });
    await expect(page.getByRole('toolbar', { name: 'Selected videos' })).toBeVisible();
    await page.getByRole('button', { name: '+ Filter' }).click();
    await expect(page.getByRole('dialog', { name: 'Filter' })).toBeVisible();
    expect(await violations(page), 'library browser').toEqual([]);

    await page.locator('nav [data-nav="settings"]').click();
    expect(await violations(page), 'settings').toEqual([]);
  });
}
