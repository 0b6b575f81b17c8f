import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MOVING_MP4 } from './support/library-fixture.js';
import { startLibraryHost, type LibraryHost } from './support/library-host.js';
import { openLibrary, setTheme } from './support/library-page.js';

/**
 * The storyboard's sequence played in the viewer, through the browser host:
 * three trimmed clips cut one into the next (the highlight moves along the
 * strip, the sequence time only grows, each clip starts on its in-frame),
 * Space pauses and resumes, Stop brings the clip viewer back. Then leaving a
 * sequence with unsaved edits asks first, and Cancel keeps them; so does closing the page.
 */

let host: LibraryHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const sequence = (clips: { file: string; in?: number; out?: number }[]) => JSON.stringify({ schema: 'keyframe.sequence/1', clips });

/** In-frames 12, 6 and 24 of the 24 fps fixture; 18 frames each: 54 frames in all. */
const CUT = [
  { file: 'clip-00000.mp4', in: 0.5, out: 1.25 },
  { file: 'clip-00001.mp4', in: 0.25, out: 1 },
  { file: 'clip-00002.mp4', in: 1, out: 1.75 },
];
const IN_FRAMES = [12, 6, 24];

const seconds = async (page: Page): Promise<number> => Number(await page.getByTestId('sequence-timecode').getAttribute('data-seconds'));

async function expectNoAxeViolations(page: Page, selectors: string[]): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of selectors) axe = axe.include(selector);
  const result = await axe.analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function openSequence(page: Page, name: string): Promise<void> {
  const strip = page.getByRole('region', { name: 'Storyboard' });
  await strip.getByRole('combobox', { name: 'Sequence' }).selectOption(name);
  await expect(strip.getByRole('combobox', { name: 'Sequence' })).toHaveValue(name);
}

test('a three-clip sequence plays cut to cut in the viewer, each clip from its in-frame', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startLibraryHost({ count: 4, posters: true, video: MOVING_MP4 });
  writeFileSync(join(host.outDir, 'cut.keyframe-sequence.json'), sequence(CUT));
  writeFileSync(join(host.outDir, 'other.keyframe-sequence.json'), sequence([{ file: 'clip-00003.mp4' }]));
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(host.url);
  await openLibrary(page);
  const strip = page.getByRole('region', { name: 'Storyboard' });
  const cards = strip.getByRole('listitem');

  // A clip open in the viewer first: stopping the sequence comes back to it.
  await page.locator('.lib-scroll').getByRole('option').nth(3).click();
  await expect(page.locator('.viewer video')).toHaveAttribute('data-fps', '24');

  await openSequence(page, 'cut');
  await expect(cards).toHaveCount(3);
  // Playback waits for each clip's frame clock (the trim buttons wait for it too).
  for (let i = 0; i < 3; i++) await expect(cards.nth(i).getByRole('button', { name: /Out one frame later/ })).toBeEnabled();

  // Every change the player and the strip show is logged as it happens: a clip lasts 0.75 s, less than a poll may take on a busy machine.
  await page.evaluate(() => {
    const log: { entry: number; highlighted: number; seconds: number }[] = [];
    (window as unknown as { sequenceLog: typeof log }).sequenceLog = log;
    new MutationObserver(() => {
      const player = document.querySelector('.sb-player');
      if (!player) return;
      const cards = [...document.querySelectorAll('.storyboard .sb-clip')];
      log.push({
        entry: Number(player.getAttribute('data-entry')),
        highlighted: cards.findIndex((c) => c.getAttribute('aria-current') === 'true'),
        seconds: Number(document.querySelector('[data-testid="sequence-timecode"]')?.getAttribute('data-seconds')),
      });
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-entry', 'aria-current', 'data-seconds'] });

    // Each frame the shown element presents (its file and frame), and at every animation frame whether
    // exactly one element is shown and it has a picture to show (a black flash would be neither).
    const presented: { clip: number; frame: number }[] = [];
    const blank: string[] = [];
    Object.assign(window, { presented, blank });
    const watch = (v: HTMLVideoElement) => {
      const onFrame: VideoFrameRequestCallback = (_now, meta) => {
        const clip = /lib(\d{5})-0/.exec(v.currentSrc)?.[1];
        if (v.dataset.active === 'true' && clip) presented.push({ clip: Number(clip), frame: Math.round(meta.mediaTime * 24) });
        v.requestVideoFrameCallback(onFrame);
      };
      v.requestVideoFrameCallback(onFrame);
    };
    const tick = () => {
      const decks = [...document.querySelectorAll<HTMLVideoElement>('.sb-deck')];
      for (const v of decks) {
        if (v.dataset.watched) continue;
        v.dataset.watched = 'true';
        watch(v);
      }
      const player = document.querySelector('.sb-player');
      const started = player?.getAttribute('data-first-frames') !== '{}';
      const shown = decks.filter((v) => v.dataset.active === 'true');
      if (player && started && (shown.length !== 1 || (shown[0]?.readyState ?? 0) < 2)) blank.push(`${shown.length} shown, readyState ${shown[0]?.readyState}`);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  await strip.getByRole('button', { name: /Play sequence/ }).click();
  const player = page.locator('.sb-player');
  await expect(player).toBeVisible();
  await expect(page.locator('video')).toHaveCount(2);
  await expect(player.getByTestId('sequence-timecode')).toContainText('/ 02:06');
  await expect(player).toHaveAttribute('data-ended', 'true', { timeout: 30_000 });
  await expect(player.getByTestId('sequence-timecode')).toHaveText('02:06 / 02:06');

  // Clip 1, then 2, then 3: the highlight moved with the clip on screen, the time only grew.
  const log = await page.evaluate(() => (window as unknown as { sequenceLog: { entry: number; highlighted: number; seconds: number }[] }).sequenceLog);
  expect(log.map((s) => s.entry).filter((e, i, all) => i === 0 || all[i - 1] !== e)).toEqual([0, 1, 2]);
  expect(log.filter((s) => s.highlighted !== s.entry)).toEqual([]);
  for (let i = 1; i < log.length; i++) expect(log[i]?.seconds ?? 0).toBeGreaterThanOrEqual(log[i - 1]?.seconds ?? 0);
  // Each clip was shown from its in-frame (± 1): the frame its element held when raised.
  const firstFrames = JSON.parse((await player.getAttribute('data-first-frames')) ?? '{}') as Record<string, number>;
  IN_FRAMES.forEach((inFrame, entry) => expect(Math.abs((firstFrames[entry] ?? -99) - inFrame)).toBeLessThanOrEqual(1));
  // While shown, each clip presented only frames of its trim (± 1 frame at its ends), and never was the picture missing.
  const { presented, blank } = await page.evaluate(() => {
    const w = window as unknown as { presented: { clip: number; frame: number }[]; blank: string[] };
    return { presented: w.presented, blank: w.blank };
  });
  expect(new Set(presented.map((p) => p.clip)), JSON.stringify(presented)).toEqual(new Set([0, 1, 2]));
  const outside = presented.filter((p) => p.frame < (IN_FRAMES[p.clip] ?? 0) - 1 || p.frame > (IN_FRAMES[p.clip] ?? 0) + 18);
  expect(outside).toEqual([]);
  expect(blank).toEqual([]);

  // Space plays it again from the start; Space pauses it (the time stands still), Space resumes it.
  await page.keyboard.press(' ');
  await expect(player).toHaveAttribute('data-playing', 'true');
  await expect(player).toHaveAttribute('data-entry', '1', { timeout: 20_000 });
  await page.keyboard.press(' ');
  await expect(player).not.toHaveAttribute('data-playing', 'true');
  const paused = await seconds(page);
  const entry = Number(await player.getAttribute('data-entry'));
  await expect(cards.nth(entry)).toHaveAttribute('aria-current', 'true');

  // The paused sequence in both themes at both sizes; axe over the player and the strip in each theme.
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expectNoAxeViolations(page, ['.sb-player', '.storyboard']);
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(player).toBeVisible();
      await expect.poll(() => page.locator('.lib-scroll img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/sequence-playing-${width}x${height}-${theme}.png` });
    }
  }
  expect(await seconds(page)).toBe(paused);
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1280, height: 860 });

  await player.focus();
  await page.keyboard.press(' ');
  await expect(player).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => seconds(page)).toBeGreaterThan(paused);

  // Stop: the clip viewer is back with the clip that was open, and the highlight is gone.
  await player.getByRole('button', { name: 'Stop' }).click();
  await expect(player).toHaveCount(0);
  await expect(page.locator('.viewer video')).toHaveAttribute('data-fps', '24');
  await expect(page.locator('video')).toHaveCount(1);
  await expect(strip.locator('[aria-current="true"]')).toHaveCount(0);
});

test('leaving a sequence with unsaved edits asks first: Cancel keeps them, Discard drops them', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startLibraryHost({ count: 4, posters: true, video: MOVING_MP4 });
  writeFileSync(join(host.outDir, 'cut.keyframe-sequence.json'), sequence(CUT));
  writeFileSync(join(host.outDir, 'other.keyframe-sequence.json'), sequence([{ file: 'clip-00003.mp4' }]));
  await page.goto(host.url);
  await openLibrary(page);
  const strip = page.getByRole('region', { name: 'Storyboard' });
  const cards = strip.getByRole('listitem');
  const picker = strip.getByRole('combobox', { name: 'Sequence' });

  await openSequence(page, 'cut');
  await expect(cards).toHaveCount(3);
  const later = cards.nth(0).getByRole('button', { name: /Out one frame later/ });
  await expect(later).toBeEnabled();
  await later.click();
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:07');
  await expect(strip.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();

  // Another sequence picked: asked, and Cancel keeps the sequence and its edit.
  await picker.selectOption('other');
  const dialog = page.getByRole('alertdialog', { name: 'Save the changes to “cut”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, ['.confirm-dialog']);
  await page.screenshot({ path: 'test-results/screenshots/storyboard-unsaved-dialog.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(picker).toHaveValue('cut');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:07');
  await expect(strip.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();

  // New asks too (a new sequence starts empty); Escape is Cancel.
  await strip.getByRole('button', { name: 'New', exact: true }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:07');

  // Discard: the other sequence opens and the edit is gone from the file as from the strip.
  await picker.selectOption('other');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(picker).toHaveValue('other');
  await expect(cards).toHaveCount(1);
  await openSequence(page, 'cut');
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:06');

  // Save: the edit is written, then the other sequence opens.
  await cards.nth(0).getByRole('button', { name: /Out one frame later/ }).click();
  await picker.selectOption('other');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(picker).toHaveValue('other');
  await openSequence(page, 'cut');
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:07');

  // Closing the window (or reloading) over an unsaved edit is objected to: the browser asks; kept, the edit stays.
  await cards.nth(0).getByRole('button', { name: /Out one frame later/ }).click();
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:08');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(cards.nth(0).getByTestId('trim-out')).toHaveText('Out 01:08');
});
