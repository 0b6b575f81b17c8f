import { expect, test, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { openActivity, openNotices } from './support/studio-page.js';

/**
 * A real text-to-video job from the page: typed into the real UI in Chromium,
 * sent through the browser host's WebSocket to the real services, run against
 * the fake APIMart, downloaded, and played back from the host's media route.
 */

const TEST_KEY = 'sk-e2e-test-key-7c1d9a';

let fake: FakeApimart | undefined;
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

/** Console errors and CSP violations: the page must run clean under its own CSP. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // A violation caught by the code that caused it (a probe in a try/catch) logs nothing by itself.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} in ${e.sourceFile}:${e.lineNumber}`)),
  );
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

test('a prompt typed in the page becomes a finished, playable video', async ({ page }, testInfo) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 3000 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  const problems = await watchProblems(page);

  await page.goto(host.url);
  // The token is taken out of the address bar once read; the route takes its place.
  await expect(page).toHaveURL(`${host.origin}/#/studio`);
  await expect(page.getByRole('heading', { name: 'Keyframe' })).toBeVisible();
  await expect(page.getByText('No jobs yet.')).toBeVisible();
  await openNotices(page);
  await expect(page.getByText(/kept in a plain owner-only file/)).toBeVisible();

  const prompt = page.getByLabel('Prompt');
  await prompt.fill('A paper boat drifting down a rainy street at dusk, cinematic');
  await prompt.press('Control+Enter');
  await expect(page.getByText('Queued: it is at the top of the results.')).toBeVisible();

  await openActivity(page);
  const row = page.locator('li.job').first();
  await expect(row).toContainText('A paper boat drifting');
  // Progress is shown while the provider works…
  await expect(row.locator('.job-percent')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('host-job-generating.png') });
  // …and the job reaches done.
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(row.locator('.badge')).toHaveText('Done');
  await expect(row).toContainText('100%');
  expect(fake.stats.tasksCreated).toBe(1);

  // "Open result" opens the clip in the Studio's viewer, where it plays from /media with Range (the CSP allows media-src 'self').
  await row.getByRole('button', { name: 'Open result' }).click();
  const video = page.locator('.viewer video').first();
  await expect(video).toBeVisible();
  expect(await video.getAttribute('src')).toMatch(/^\/media\/video\/[A-Za-z0-9_-]+\?t=[A-Za-z0-9_-]{43}$/);
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v) => (v as HTMLVideoElement).duration)).toBeGreaterThan(0);

  await page.screenshot({ path: 'test-results/host-job-done.png', fullPage: true });
  await page.screenshot({ path: testInfo.outputPath('host-job-done.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('errors are shown in the page: an empty prompt, and a job the provider refuses', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  await page.goto(host.url);

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write a prompt first: describe the video you want.');
  await expect(page.getByLabel('Prompt')).toHaveAttribute('aria-invalid', 'true');

  // The gateway refuses the submit for lack of balance: the job fails with the core's own message.
  fake.fault({ route: 'submit', kind: 'status', status: 402, times: 5 });
  await page.getByLabel('Prompt').fill('A lighthouse in a storm');
  await page.getByRole('button', { name: 'Generate' }).click();
  await openActivity(page);
  const row = page.locator('li.job').first();
  await expect(row).toHaveAttribute('data-state', /failed|needs_attention/, { timeout: 30_000 });
  await expect(row.locator('.job-error')).not.toBeEmpty();
  await page.screenshot({ path: 'test-results/host-job-error.png', fullPage: true });
});

test('without a key the page says it is in demo mode, and a demo job finishes', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: null, progress: { mode: 'time', durationMs: 1500 } });
  host = await startHostProcess({ demoBaseUrl: fake.apiUrl });
  await page.goto(host.url);
  await openNotices(page);
  await expect(page.getByText(/Demo mode: jobs run on the built-in demo provider/)).toBeVisible();
  await page.getByLabel('Prompt').fill('Waves rolling onto a black sand beach');
  await page.getByLabel('Prompt').press('Control+Enter');
  await openActivity(page);
  const row = page.locator('li.job').first();
  await expect(row.locator('.tag')).toHaveText('demo');
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});

test('the socket refuses a page without the token', async ({ page }) => {
  host = await startHostProcess();
  await page.goto(new URL('/', host.url).href);
  await expect(page.getByText('Open Keyframe with the full address printed in the terminal')).toBeVisible();
});
