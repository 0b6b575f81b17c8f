import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { MOVING_MP4 } from './support/library-fixture.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary, shownCount } from './support/library-page.js';

/**
 * A library with no posters yet (a big folder just added): the page makes
 * them in the background, the cells out of view too, while the toolbar says
 * how far it has got; the indicator goes once every video has its poster, and
 * the grid answers all along.
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const COUNT = 40;

test('posters for videos out of view are made in the background, with a progress line that goes once caught up', async ({ page }) => {
  test.setTimeout(150_000);
  host = await startLibraryHost({ count: COUNT, video: MOVING_MP4 });
  await page.setViewportSize({ width: 1024, height: 700 });
  // Every value the indicator shows, as it shows it: the catch-up may pass faster than a poll.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { posterLines: string[] }).posterLines = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="poster-progress"]');
      const line = el?.textContent ?? '';
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(host.url);
  await openLibrary(page);
  await expect.poll(() => shownCount(page)).toBe(COUNT);

  // The grid answers while posters are being made: a search narrows it at once.
  await page.getByLabel('Search prompts').fill('take 39');
  await expect.poll(() => shownCount(page)).toBe(1);
  await page.getByLabel('Search prompts').fill('');
  await expect.poll(() => shownCount(page)).toBe(COUNT);

  // The indicator in the toolbar while the catch-up runs (an artifact to look at; it may be over on a fast machine).
  const indicator = page.getByTestId('poster-progress');
  if (await indicator.isVisible()) await page.locator('.lib-toolbar').screenshot({ path: 'test-results/screenshots/library-poster-progress-1024.png' });

  const posters = join(host.dataDir, 'posters');
  // The folder comes with the first poster; a poll that threw before then would end the test (expect.poll does not retry a throw).
  const made = () => (existsSync(posters) ? readdirSync(posters, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.jpg')).length : 0);
  await expect.poll(made, { timeout: 120_000 }).toBe(COUNT);
  await expect(indicator).toHaveCount(0);

  const lines = await page.evaluate(() => (window as unknown as { posterLines: string[] }).posterLines);
  expect(lines.length).toBeGreaterThan(0);
  const done = lines.map((l) => {
    const m = /^Posters (\d+) \/ (\d+)$/.exec(l);
    if (!m) throw new Error(`unexpected indicator text: ${l}`);
    expect(Number(m[2])).toBe(COUNT);
    return Number(m[1]);
  });
  expect(done[0]).toBeLessThan(COUNT);
  for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1] ?? 0);
});
