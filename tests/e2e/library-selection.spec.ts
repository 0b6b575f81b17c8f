import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary } from './support/library-page.js';
import { submitPrompt, TEST_KEY, watchProblems } from './support/queue-helpers.js';
import { closeActivity, openActivity } from './support/studio-page.js';

/**
 * One selection: every key and button acts on the highlighted clip. "Open result" selects exactly the
 * result (clearing a filter that hid it); picking another clip, leaving and coming back keeps that
 * other clip highlighted AND acted on; a trash selects the next clip and "Undo" puts the file back.
 */

let host: LibraryHost | undefined;
let fake: FakeApimart | undefined;
test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

async function startWithResult(page: Page, prompt: string): Promise<{ resultId: string }> {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 1500 } });
  host = await startLibraryHost({ count: 4, posters: true }, { key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  await page.goto(host.url);
  const row = await submitPrompt(page, prompt);
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const jobId = await row.getAttribute('data-job-id');
  return { resultId: `${jobId ?? ''}-0` };
}

/** "Open result" on the newest job, pressed in the Library (the activity drawer opens from the header there too); the drawer is closed after, if it stayed open. */
async function openResultInLibrary(page: Page): Promise<void> {
  await openLibrary(page);
  const drawer = await openActivity(page);
  await drawer.locator('li.job').first().getByRole('button', { name: 'Open result' }).click();
  await closeActivity(page);
}

const cell = (page: Page, id: string) => page.locator(`.lib-cell[data-video-id="${id}"]`);
const details = (page: Page) => page.locator('.lib-details');

test('after "Open result", another pick, leaving and coming back: F and Delete act on the highlighted clip', async ({ page }) => {
  const problems = watchProblems(page);
  const { resultId } = await startWithResult(page, 'A lighthouse keeper climbing the stairs at night');
  await openResultInLibrary(page);
  await expect(page.locator('nav [data-nav="library"]')).toHaveAttribute('aria-current', 'page');
  await expect(details(page)).toHaveAttribute('data-video-id', resultId);
  await expect(cell(page, resultId)).toHaveAttribute('aria-selected', 'true');

  // Pick another clip, leave the library and come back.
  const other = page.locator('.lib-scroll').getByRole('option').nth(2);
  const otherId = (await other.getAttribute('data-video-id')) ?? '';
  expect(otherId).not.toBe(resultId);
  await other.click();
  await page.locator('nav [data-nav="studio"]').click();
  await page.locator('nav [data-nav="library"]').click();
  await expect(cell(page, otherId)).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, resultId)).toHaveAttribute('aria-selected', 'false');
  await expect(details(page)).toHaveAttribute('data-video-id', otherId);

  // F favourites the highlighted clip, not the result.
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  await page.keyboard.press('f');
  await expect(cell(page, otherId)).toContainText('★');
  await expect(cell(page, resultId)).not.toContainText('★');

  // Delete trashes the highlighted clip, not the result.
  await page.keyboard.press('Delete');
  await expect(page.locator('.lib-toast')).toBeVisible();
  await expect(cell(page, otherId)).toHaveCount(0);
  await expect(cell(page, resultId)).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('"Open result" while a filter hides the result turns that filter off and selects exactly the result', async ({ page }) => {
  const { resultId } = await startWithResult(page, 'A paper lantern rising over a dark lake');
  await openLibrary(page);
  // Favourites only: the fixture's first clip is a favourite, the new result is not.
  await page.getByLabel('Search prompts and tags').fill('fav:yes');
  await page.getByLabel('Search prompts and tags').press('Enter');
  await expect(page.locator('.lib-count')).toHaveText('1 video');
  await page.locator('.lib-scroll').getByRole('option').first().click();

  await openResultInLibrary(page);
  await expect(page.locator('.lib-chip[data-chip="fav:yes"]')).toHaveCount(0);
  await expect(page.locator('.lib-toast')).toContainText('Filters that hid this video were turned off.');
  await expect(cell(page, resultId)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.lib-cell[aria-selected="true"]')).toHaveCount(1);
  await expect(details(page)).toHaveAttribute('data-video-id', resultId);
});

test('a trash selects the next clip; Undo puts the files back and selects the clip again', async ({ page }) => {
  host = await startLibraryHost({ count: 5, posters: true });
  await page.goto(host.url);
  await openLibrary(page);
  const options = page.locator('.lib-scroll').getByRole('option');
  const ids = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-video-id') ?? ''));
  const [, second, third] = ids;
  await options.nth(1).click();
  await expect(details(page)).toHaveAttribute('data-video-id', second ?? '');
  const file = (await details(page).locator('code').last().textContent()) ?? '';
  expect(existsSync(join(host.outDir, file))).toBe(true);

  await page.keyboard.press('Delete');
  await expect(page.locator('.lib-toast')).toContainText(`Moved “${file}” to the trash.`);
  await expect(page.locator('.lib-count')).toHaveText('4 videos');
  await expect(details(page)).toHaveAttribute('data-video-id', third ?? '');
  await expect(cell(page, third ?? '')).toHaveAttribute('aria-selected', 'true');
  expect(existsSync(join(host.outDir, file))).toBe(false);
  expect(existsSync(join(host.outDir, '.keyframe-trash', file))).toBe(true);

  await page.locator('.lib-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.lib-toast')).toHaveCount(0);
  await expect(page.locator('.lib-count')).toHaveText('5 videos');
  await expect(details(page)).toHaveAttribute('data-video-id', second ?? '');
  await expect(cell(page, second ?? '')).toHaveAttribute('aria-selected', 'true');
  expect(existsSync(join(host.outDir, file))).toBe(true);

  // Ctrl+Z undoes too.
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.locator('.lib-count')).toHaveText('4 videos');
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.lib-count')).toHaveText('5 videos');
  await expect(details(page)).toHaveAttribute('data-video-id', second ?? '');
});
