import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { MOVING_MP4 } from './support/library-fixture.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { setPreferences } from './support/compose-preferences.js';
import { openLibrary } from './support/library-page.js';

/**
 * The storyboard under the library viewer, through the browser host: two
 * clips added from their I/O marks, trimmed a frame, reordered by drag and by
 * button, saved as a new sequence and exported. The MP4 lands beside its
 * clips with its record, as long as the two trims (2 s fixture, 24 fps).
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const FRAME = 1 / 24;

/** Opens the n-th clip of the grid and waits until its frame clock is read and a frame is shown. */
async function openClip(page: Page, n: number): Promise<string> {
  const option = page.locator('.lib-scroll').getByRole('option').nth(n);
  await option.click();
  const video = page.locator('.viewer video');
  await expect(video).toHaveAttribute('data-fps', '24');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  const file = await page.locator('.lib-details code').nth(1).textContent();
  if (!file) throw new Error('no file name in the details');
  return file;
}

/** Steps the viewer forward `frames` frames from where it is (the grid keeps focus: `.` steps the open clip). */
async function step(page: Page, frames: number): Promise<void> {
  for (let i = 0; i < frames; i++) await page.keyboard.press('.');
}

test('a two-clip storyboard is trimmed, reordered, saved and exported beside its clips', async ({ page }) => {
  test.setTimeout(150_000);
  host = await startLibraryHost({ count: 6, posters: true, video: MOVING_MP4 });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(host.url);
  await openLibrary(page);
  const strip = page.getByRole('region', { name: 'Storyboard' });
  await expect(strip.getByText(/Open a clip, mark I and O/)).toBeVisible();

  // Clip A: frames 5 to 25 kept (in at 5, out mark on 25): 21 frames.
  const fileA = await openClip(page, 0);
  await page.locator('.lib-scroll').focus();
  await step(page, 5);
  await page.keyboard.press('i');
  await step(page, 20);
  await page.keyboard.press('o');
  await expect(page.getByTestId('frame-counter')).toHaveText('f 26 / 48');
  await strip.getByRole('button', { name: /Add clip/ }).click();
  const cards = strip.getByRole('listitem');
  await expect(cards).toHaveCount(1);
  await expect(cards.nth(0).getByTestId('trim-in')).toHaveText('In 00:05');
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:02');
  await expect(cards.nth(0).getByTestId('clip-length')).toHaveText('0.88 s');

  // Clip B: from the start (its only key frame) to an out mark on frame 22, then one frame longer: 24 frames.
  const fileB = await openClip(page, 1);
  expect(fileB).not.toBe(fileA);
  await page.locator('.lib-scroll').focus();
  await step(page, 22);
  await page.keyboard.press('o');
  await strip.getByRole('button', { name: /Add clip/ }).click();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1).getByTestId('clip-length')).toHaveText('0.96 s');
  await cards.nth(1).getByRole('button', { name: /Out one frame later/ }).click();
  await expect(cards.nth(1).getByTestId('clip-length')).toHaveText('1.00 s');
  await expect(cards.nth(1).getByTestId('trim-out')).toHaveText('Out 01:00');

  // Reorder: B dragged before A, then A moved back in front with its button.
  await cards.nth(1).dragTo(cards.nth(0));
  await expect(cards.nth(0)).toHaveAttribute('data-file', fileB);
  await cards.nth(1).getByRole('button', { name: 'Move earlier' }).click();
  await expect(cards.nth(0)).toHaveAttribute('data-file', fileA);
  await expect(cards.nth(1)).toHaveAttribute('data-file', fileB);
  await expect(strip.getByTestId('storyboard-total')).toHaveText('2 clips · 01:21');

  // A new sequence takes the clips gathered so far.
  await strip.getByRole('button', { name: 'New', exact: true }).click();
  await strip.getByRole('textbox', { name: 'Name of the new sequence' }).fill('harbour cut');
  await strip.getByRole('button', { name: 'Create' }).click();
  await expect(strip.getByRole('combobox', { name: 'Sequence' })).toHaveValue('harbour cut');
  await expect(strip.getByRole('button', { name: 'Saved' })).toBeDisabled();
  const stored = JSON.parse(readFileSync(join(host.outDir, 'harbour cut.keyframe-sequence.json'), 'utf8')) as { schema: string; clips: { file: string; in?: number; out?: number }[] };
  expect(stored.schema).toBe('keyframe.sequence/1');
  expect(stored.clips).toEqual([
    { file: fileA, in: 0.208333, out: 1.083333 },
    { file: fileB, out: 1 },
  ]);

  await strip.getByRole('button', { name: 'Export MP4' }).click();
  await expect(strip.getByRole('status')).toContainText('Saved harbour cut.mp4 beside its clips', { timeout: 60_000 });
  await expect(strip.getByRole('status')).toContainText('joined losslessly');

  const out = join(host.outDir, 'harbour cut.mp4');
  expect(existsSync(out)).toBe(true);
  const input = new Input({ source: new FilePathSource(out), formats: ALL_FORMATS });
  try {
    expect(Math.abs((await input.computeDuration()) - 45 * FRAME)).toBeLessThanOrEqual(FRAME);
  } finally {
    input.dispose();
  }
  const record = JSON.parse(readFileSync(join(host.outDir, 'harbour cut.keyframe-export.json'), 'utf8')) as { sequence: { file: string }; sources: { file: string }[] };
  expect(record.sequence.file).toBe('harbour cut.keyframe-sequence.json');
  expect(record.sources.map((s) => s.file)).toEqual([fileA, fileB]);

  // Screenshots of the strip with its clips, after the export, in both themes and both languages; axe over the strip.
  // The strip's cards by class: its accessible names are in the page's language.
  const anyLanguageCards = page.locator('.storyboard').getByRole('listitem');
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await setPreferences(page, { language, theme });
      await openLibrary(page);
      await expect(anyLanguageCards).toHaveCount(2);
      const axe = await new AxeBuilder({ page }).include('.storyboard').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect(anyLanguageCards).toHaveCount(2);
        await expect.poll(() => page.locator('.lib-scroll img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
        await page.screenshot({ path: `test-results/screenshots/storyboard-${width}x${height}-${theme}-${language}.png` });
      }
    }
  }
  await setPreferences(page, { language: 'en', theme: 'light' });

  // After a reload the saved sequence is picked again by name, its trims as saved.
  await page.reload();
  await openLibrary(page);
  await strip.getByRole('combobox', { name: 'Sequence' }).selectOption('harbour cut');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-file', fileA);
  await expect(cards.nth(0).getByTestId('clip-length')).toHaveText('0.88 s');
  await expect(cards.nth(1).getByTestId('trim-out')).toHaveText('Out 01:00');
});
