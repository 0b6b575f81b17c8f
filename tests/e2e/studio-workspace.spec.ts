import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { SCREENSHOTS, watchProblems } from './support/queue-helpers.js';
import { expectInViewport, expectNoPageScroll, feedJob, openActivity, setTheme, videoCount } from './support/studio-page.js';

/**
 * The Studio as a workspace: the window is the page (nothing scrolls but the
 * panes), the first job is made without scrolling at 1024×700, a reused job
 * opens a new draft tab that Ctrl+Z takes back, and screenshots of every state
 * at 1024×700 and 1920×1080 in both themes and languages.
 */

const TEST_KEY = 'sk-e2e-studio-5d3a90';
let fake: FakeApimart | undefined;
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

test('the first job at 1024×700: prompt, Generate and the new take all in view, and the page never scrolls', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 2500 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);

  const prompt = page.getByLabel('Prompt', { exact: true });
  const generate = page.getByRole('button', { name: 'Generate', exact: true });
  await expect(page.getByText('No jobs yet.')).toBeVisible();
  await expectNoPageScroll(page);
  await expectInViewport(page, prompt, 'prompt');
  await expectInViewport(page, generate, 'Generate');

  await prompt.fill('A paper boat drifting down a rainy street at dusk, cinematic');
  await generate.click();
  const job = feedJob(page, 'A paper boat drifting');
  await expect(job).toBeVisible();
  await expectInViewport(page, job.locator('.tile').first(), 'the new job’s tile');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  const tile = job.locator('[data-tile-state="clip"]').first();
  await expect(tile).toBeVisible();
  // The poster is made from the clip and shown in the tile.
  await expect.poll(() => tile.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  await expectNoPageScroll(page);
  await expectInViewport(page, prompt, 'prompt after the job');
  await expectInViewport(page, generate, 'Generate after the job');
  await expectInViewport(page, tile, 'the finished tile');

  // Hover plays the clip, muted and looping; nothing else on the page decodes.
  expect(await videoCount(page)).toBe(0);
  await tile.hover();
  const preview = tile.locator('video');
  await expect(preview).toBeAttached();
  expect(await preview.evaluate((v) => ({ muted: (v as HTMLVideoElement).muted, loop: (v as HTMLVideoElement).loop }))).toEqual({ muted: true, loop: true });
  expect(await videoCount(page)).toBeLessThanOrEqual(8);
  await page.mouse.move(2, 400);
  await expect(preview).toHaveCount(0);

  // A click opens the clip; below 1280 px the viewer takes the centre, "← Results" goes back.
  await tile.click();
  const player = page.locator('.studio-viewer video');
  await expect(player).toBeVisible();
  await expect.poll(() => player.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  await expectNoPageScroll(page);
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(player).toHaveCount(0);
  await expect(tile).toBeVisible();
  expect(problems).toEqual([]);
});

test('reuse settings opens a new draft; Ctrl+Z brings back the draft it pushed aside, and a closed draft too', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  await page.goto(host.url);
  const prompt = page.getByLabel('Prompt', { exact: true });
  const tabs = page.getByRole('navigation', { name: 'Drafts' });
  const current = tabs.locator('[aria-current="true"]');

  await page.getByRole('group', { name: 'Duration' }).getByRole('radio', { name: '4 s' }).check();
  await prompt.fill('Lanterns rising over a dark lake, slow pan');
  await prompt.press('Control+Enter');
  const job = feedJob(page, 'Lanterns rising');
  await expect(job).toBeVisible();

  // Writing the next one; then "Reuse settings" on the earlier job.
  await page.getByRole('group', { name: 'Duration' }).getByRole('radio', { name: '8 s' }).check();
  await prompt.fill('A red fox crossing a snowy field');
  const drawer = await openActivity(page);
  await drawer.locator('li.job').first().getByRole('button', { name: 'Reuse settings' }).click();
  await expect(current).toHaveText('Draft 2');
  await expect(prompt).toHaveValue('Lanterns rising over a dark lake, slow pan');
  await expect(page.getByRole('group', { name: 'Duration' }).getByLabel('4 s')).toBeChecked();
  await expect(tabs.getByRole('button', { name: 'Draft 1', exact: true })).toBeVisible();

  // Ctrl+Z outside a text field: the reused draft goes, the one being written is back as it was.
  await page.keyboard.press('Escape');
  await page.locator('.feed-scroll').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(current).toHaveText('Draft 1');
  await expect(prompt).toHaveValue('A red fox crossing a snowy field');
  await expect(page.getByRole('group', { name: 'Duration' }).getByLabel('8 s')).toBeChecked();
  await expect(tabs.getByRole('button', { name: 'Draft 2', exact: true })).toHaveCount(0);

  // A new tab, written in, closed: Ctrl+Z reopens it with its words.
  await tabs.getByRole('button', { name: 'New draft' }).click();
  await expect(current).toHaveText('Draft 2');
  await expect(prompt).toHaveValue('');
  await prompt.fill('Koi fish circling in a moonlit pond');
  await tabs.getByRole('button', { name: 'Close Draft 2' }).click();
  await expect(current).toHaveText('Draft 1');
  await page.locator('.feed-scroll').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(current).toHaveText('Draft 2');
  await expect(prompt).toHaveValue('Koi fish circling in a moonlit pond');

  // Inside the prompt, Ctrl+Z is the field's own undo: the tabs stay as they are.
  await prompt.press('Control+z');
  await expect(current).toHaveText('Draft 2');

  // Every tab survives a reload.
  await page.reload();
  await expect(current).toHaveText('Draft 2');
  await expect(prompt).toHaveValue(/Koi fish/);
  await tabs.getByRole('button', { name: 'Draft 1', exact: true }).click();
  await expect(prompt).toHaveValue('A red fox crossing a snowy field');
});

test('↑ in the empty prompt recalls the prompts sent before, ↓ comes back', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  await page.goto(host.url);
  const prompt = page.getByLabel('Prompt', { exact: true });
  for (const text of ['First shot: a lighthouse at dawn', 'Second shot: waves on black sand']) {
    await prompt.fill(text);
    await prompt.press('Control+Enter');
    await expect(feedJob(page, text)).toBeVisible();
  }
  await prompt.fill('');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('Second shot: waves on black sand');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('First shot: a lighthouse at dawn');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('Second shot: waves on black sand');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('');
  // Edited text is the person's: ↑ moves the caret, it does not replace the words.
  await prompt.fill('My own words');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('My own words');
});

test('a lost connection puts a strip across the window, impossible to miss', async ({ page }) => {
  host = await startHostProcess();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Keyframe' })).toBeVisible();
  await expect(page.locator('.connection-strip')).toHaveCount(0);
  await host.stop();
  host = undefined;
  const strip = page.getByRole('alert').filter({ hasText: /Lost the connection to Keyframe|Keyframe is not answering/ });
  await expect(strip).toBeVisible();
  await expectInViewport(page, strip, 'the connection strip');
  const box = await strip.boundingBox();
  expect(box?.width).toBe(1024);
  await expectNoPageScroll(page);
});

/** A clock for the fake that can stand still, so a job can be held mid-generation for its screenshot. */
function holdableClock(): { now(): number; hold(): void; release(): void } {
  let held: number | undefined;
  let offset = 0;
  return {
    now: () => held ?? Date.now() - offset,
    hold() {
      held = Date.now() - offset;
    },
    release() {
      if (held !== undefined) offset = Date.now() - held;
      held = undefined;
    },
  };
}

const SIZES = [
  [1024, 700],
  [1920, 1080],
] as const;

async function setLanguage(page: Page, language: 'en' | 'ko'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.locator('nav [data-nav="settings"]').click();
  await page.locator('#settings-language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.locator('nav [data-nav="studio"]').click();
}

/** Every size × theme × language of the current state. */
async function shoot(page: Page, state: string, before?: (lang: 'en' | 'ko') => Promise<void>): Promise<void> {
  for (const lang of ['en', 'ko'] as const) {
    await setLanguage(page, lang);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await before?.(lang);
        await expectNoPageScroll(page);
        await page.screenshot({ path: `${SCREENSHOTS}/studio-${state}-${width}x${height}-${theme}-${lang}.png` });
      }
    }
  }
}

test('screenshots: empty, generating, with results, the activity drawer and the viewer; 1024×700 and 1920×1080, light and dark, en and ko', async ({ page }) => {
  test.setTimeout(240_000);
  const clock = holdableClock();
  fake = await startFakeApimart({ apiKey: TEST_KEY, clock, progress: { mode: 'time', durationMs: 3000 }, estimatedTimeS: 40 });
  host = await startHostProcess({
    key: TEST_KEY,
    apiBaseUrl: fake.apiUrl,
    // One job at a time, so a second one waits in line.
    prepare: ({ dataDir }) => writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ concurrency: 1 })),
  });
  await page.goto(host.url);
  const prompt = page.getByLabel('Prompt', { exact: true });
  await shoot(page, 'empty');

  await setLanguage(page, 'en');
  const submit = async (text: string): Promise<void> => {
    await prompt.fill(text);
    await prompt.press('Control+Enter');
    await expect(feedJob(page, text)).toBeVisible();
  };
  await page.getByRole('group', { name: 'Takes' }).getByRole('radio', { name: '2' }).check();
  await submit('A paper boat drifting down a rainy street at dusk, cinematic, shallow depth of field');
  await page.getByRole('group', { name: 'Takes' }).getByRole('radio', { name: '1' }).check();
  await page.getByRole('group', { name: 'Aspect' }).getByRole('radio', { name: '9:16' }).check();
  await submit('A dancer spinning under a single spotlight, slow motion, vertical');
  await page.getByRole('group', { name: 'Aspect' }).getByRole('radio', { name: '16:9' }).check();
  await expect(page.locator('.feed-job[data-state="done"]')).toHaveCount(2, { timeout: 40_000 });
  // The next task to complete fails: this one.
  fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the content safety policy' });
  await submit('A famous actor robbing a bank in broad daylight');
  await expect(page.locator('.feed-job[data-state="failed"]')).toHaveCount(1, { timeout: 40_000 });
  const posters = page.locator('[data-tile-state="clip"] img');
  await expect(posters).toHaveCount(3, { timeout: 20_000 });
  await expect.poll(() => posters.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
  await shoot(page, 'results');
  await shoot(page, 'drawer', async (lang) => {
    await openActivity(page, lang);
  });
  await page.keyboard.press('Escape');
  await setLanguage(page, 'en');

  // Held mid-generation, with another job waiting behind it.
  await submit('Koi fish circling in a moonlit pond, slow overhead shot');
  await expect(page.locator('.tile-percent').first()).toBeVisible({ timeout: 20_000 });
  clock.hold();
  await submit('Hot air balloons over a valley at sunrise');
  await expect(page.locator('.feed-job[data-state="queued"]')).toHaveCount(1);
  await shoot(page, 'generating');
  await shoot(page, 'generating-drawer', async (lang) => {
    await openActivity(page, lang);
  });
  await page.keyboard.press('Escape');

  // The viewer: beside the feed at 1920, over it at 1024.
  const tile = page.locator('[data-tile-state="clip"]').first();
  await shoot(page, 'viewer', async () => {
    if ((await page.locator('.studio-viewer').count()) === 0) await tile.click();
    await expect(page.locator('.studio-viewer video')).toBeVisible();
  });
  clock.release();
});
