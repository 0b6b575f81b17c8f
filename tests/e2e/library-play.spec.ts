import { expect, test } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { openLibrary } from './support/library-page.js';
import { openActivity } from './support/studio-page.js';

/**
 * Text to video, end to end: a prompt typed in the compose panel, Ctrl+Enter,
 * the job done, the clip in the library grid, selected, played, and seeked to
 * its middle through the host's Range-capable media route.
 */

const TEST_KEY = 'sk-e2e-library-key-51f0';
let fake: FakeApimart | undefined;
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

test('a typed prompt becomes a clip that plays in the library and seeks to its middle', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 1500 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });

  await page.goto(host.url);
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('A paper boat drifting down a rainy street at dusk, cinematic');
  await prompt.press('Control+Enter');
  await openActivity(page);
  const row = page.locator('li.job').first();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  await openLibrary(page);
  await expect(page.locator('.lib-count')).toHaveText('1 video');
  const cell = page.getByRole('option', { name: /A paper boat drifting/ });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-selected', 'true');

  const video = page.locator('.lib-details video');
  await expect(video).toBeVisible();
  expect(await video.getAttribute('src')).toMatch(/^\/media\/video\/[A-Za-z0-9_-]+\?t=/);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

  // Play (Space on the grid), then seek to the middle.
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused || v.ended), { timeout: 10_000 }).toBe(true);
  const result = await video.evaluate(async (v: HTMLVideoElement) => {
    v.pause();
    const middle = v.duration / 2;
    await new Promise<void>((resolve) => {
      v.addEventListener('seeked', () => resolve(), { once: true });
      v.currentTime = middle;
    });
    return { currentTime: v.currentTime, duration: v.duration, seekableEnd: v.seekable.length ? v.seekable.end(0) : 0 };
  });
  expect(result.duration).toBeGreaterThan(0);
  expect(Math.abs(result.currentTime - result.duration / 2)).toBeLessThan(0.1);
  expect(result.seekableEnd).toBeGreaterThanOrEqual(result.duration - 0.1);

  // Frame step: "." moves one frame forward while paused.
  await page.getByRole('listbox', { name: 'Videos' }).focus();
  await page.keyboard.press('.');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(result.currentTime + 0.01);

  // The details pane shows the parameters; F favourites.
  const details = page.locator('.lib-details');
  await expect(details).toContainText('veo3.1-fast-official');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: /Remove from favourites/ })).toBeVisible();
  expect(problems).toEqual([]);
});
