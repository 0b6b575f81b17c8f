import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { setPreferences } from './support/compose-preferences.js';
import { SCREENSHOTS, startRig, submitPrompt, watchProblems, type Rig } from './support/queue-helpers.js';
import { closeActivity } from './support/studio-page.js';

/**
 * Batches, sweeps and the prompt history from the page, through the browser
 * host against the fake APIMart: every row is checked and priced before
 * anything is sent, a batch with a bad row queues nothing until it is fixed,
 * and a queued batch reports "n of m" as its jobs finish.
 */

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const GOOD_ROWS = ['A paper boat drifting down a rainy street at dusk', 'A crane folding itself out of a newspaper', 'A kite over the dunes at noon'];
const TOO_LONG = `A lighthouse ${'in a storm, '.repeat(400)}`;

async function openBatch(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Batch…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function axe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

const planRow = (dialog: Locator, row: number): Locator => dialog.locator(`.plan-table tr[data-row="${row}"]`);

test('a pasted batch with one bad row shows that row’s error and queues nothing; fixed, it queues 3 jobs and counts them to 3 of 3', async ({ page }) => {
  test.setTimeout(120_000);
  rig = await startRig(page, { progress: { mode: 'time', durationMs: 4000 } });
  const problems = watchProblems(page);
  // A draft Generate would send: a key press leaking out of the dialog into the compose form would show as a job.
  await page.getByLabel('Prompt', { exact: true }).fill('A draft that stays a draft');
  const dialog = await openBatch(page);
  const queue = dialog.getByRole('button', { name: /^Queue/ });
  await expect(queue).toBeDisabled();

  expect(TOO_LONG.length).toBeGreaterThan(4000);
  await dialog.getByLabel('Rows', { exact: true }).fill([GOOD_ROWS[0], GOOD_ROWS[1], TOO_LONG].join('\n'));
  const bad = planRow(dialog, 3);
  await expect(bad).toHaveAttribute('data-state', 'bad');
  await expect(bad.locator('.plan-problems')).toHaveText('promptPrompt is too long (4000 characters at most).');
  await expect(bad.locator('.batch-field')).toHaveText('prompt');
  await expect(planRow(dialog, 1)).toHaveAttribute('data-state', 'ok');
  await expect(planRow(dialog, 1)).toContainText(GOOD_ROWS[0]!);
  await expect(planRow(dialog, 1)).toContainText('Fast · 8 s · 16:9 · 720p');
  await expect(dialog.getByText('1 row has a problem: row 3.')).toBeVisible();
  await expect(dialog.getByTestId('batch-totals')).toContainText('3 jobs');
  await expect(queue).toHaveText('Queue 3 jobs');
  await expect(queue).toBeDisabled();
  // Ctrl+Enter, the dialog's Queue shortcut, is refused the same way, and never reaches the compose form's Generate.
  await dialog.getByLabel('Rows', { exact: true }).press('Control+Enter');
  expect(await axe(page, '.batch-dialog'), 'batch dialog with a bad row').toEqual([]);
  expect(rig.fake.stats.submits).toBe(0);
  await expect(page.locator('.feed-job')).toHaveCount(0);

  await dialog.getByLabel('Rows', { exact: true }).fill(GOOD_ROWS.join('\n'));
  for (const row of [1, 2, 3]) await expect(planRow(dialog, row)).toHaveAttribute('data-state', 'ok');
  await expect(dialog.getByTestId('batch-totals')).toHaveText(/^3 jobs3 videos≈ \$\d+\.\d{2,3}$/);
  await expect(planRow(dialog, 3)).toContainText('≈ $');
  // The total against the caps and the balance, from main's ledger (no cap is set here).
  await expect(dialog.getByTestId('batch-budget')).toHaveText('No spending cap is set.');
  await dialog.getByLabel('Batch name (optional)').fill('storyboard');
  await expect(queue).toBeEnabled();
  await queue.click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Queued 3 jobs as one batch.' })).toBeVisible();
  await expect(dialog.getByLabel('Rows', { exact: true })).toHaveValue('');

  const run = dialog.locator('.batch-run').filter({ hasText: 'storyboard' });
  await expect(run).toBeVisible();
  await run.getByRole('button', { name: 'Pause storyboard' }).click();
  await expect(run).toHaveAttribute('data-state', 'paused');
  await run.getByRole('button', { name: 'Resume storyboard' }).click();
  await expect(run.locator('.batch-run-count')).toHaveText('3 of 3', { timeout: 60_000 });
  await expect(run).toHaveAttribute('data-state', 'finished');
  expect(rig.fake.stats.tasksCreated).toBe(3);
  expect(rig.fake.stats.submitBodies.map((s) => (s.body as { prompt: string }).prompt).sort()).toEqual([...GOOD_ROWS].sort());
  expect(await axe(page, '.batch-dialog'), 'batch dialog with a finished batch').toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /^Batch…/ })).toBeFocused();
  // Nothing in the dialog was a Generate of the draft: three jobs, all from the batch.
  await expect(page.locator('.feed-job')).toHaveCount(3);
  expect(problems).toEqual([]);
});

test('an imported CSV is read by main: a row with duration 5 is named with its field, and the fix in place clears it', async ({ page }) => {
  rig = await startRig(page);
  const dialog = await openBatch(page);
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'shots.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('prompt,duration,label\n"A lighthouse at dawn, slow push-in",8,wide\n"A harbour, seen from a boat",5,close\n'),
  });
  await expect(dialog.getByRole('radio', { name: 'CSV' })).toBeChecked();
  await expect(dialog.getByText('From shots.csv.')).toBeVisible();
  const bad = planRow(dialog, 3);
  await expect(bad).toHaveAttribute('data-state', 'bad');
  await expect(bad.locator('.plan-problems li')).toHaveText('durationDuration must be 4, 6 or 8 seconds.');
  await expect(bad.locator('.tag')).toHaveText('close');
  // The quoted comma stays inside its prompt: the CSV was parsed in main, not split in the page.
  await expect(planRow(dialog, 2)).toContainText('A lighthouse at dawn, slow push-in');
  await expect(dialog.getByRole('button', { name: 'Queue 2 jobs' })).toBeDisabled();

  const rows = dialog.getByLabel('Rows', { exact: true });
  await rows.fill((await rows.inputValue()).replace(',5,close', ',6,close'));
  await expect(planRow(dialog, 3)).toHaveAttribute('data-state', 'ok');
  await expect(planRow(dialog, 3)).toContainText('6 s');
  await expect(dialog.getByRole('button', { name: 'Queue 2 jobs' })).toBeEnabled();
  expect(rig.fake.stats.submits).toBe(0);
});

test('a seed sweep over two lengths queues the very seeds its dry run showed', async ({ page }) => {
  test.setTimeout(90_000);
  // A sweep's takes share their prompt and all finish at the first poll here: each still gets its own file name.
  rig = await startRig(page, { progress: { mode: 'polls', pollsToComplete: 1 } });
  await page.getByLabel('Prompt', { exact: true }).fill('Koi fish circling in a moonlit pond');
  const dialog = await openBatch(page);
  await dialog.getByRole('radio', { name: 'Sweep' }).check();
  await expect(dialog.getByText('Prompt from the draft: “Koi fish circling in a moonlit pond”')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Draw' }).check();
  await dialog.getByLabel('How many seeds to draw').fill('2');
  const lengths = dialog.getByRole('group', { name: 'Length' });
  await lengths.getByRole('checkbox', { name: '4 s' }).check();
  await lengths.getByRole('checkbox', { name: '6 s' }).check();
  await expect(dialog.locator('.plan-table tbody tr')).toHaveCount(4);
  await expect(dialog.getByTestId('batch-totals')).toContainText('4 jobs');
  const shown = (await dialog.locator('.plan-settings').allTextContents()).map((s) => Number(/seed (\d+)/.exec(s)?.[1]));
  expect(new Set(shown).size).toBe(2);

  await dialog.getByRole('button', { name: 'Queue 4 jobs' }).click();
  await expect(dialog.locator('.batch-run .batch-run-count').first()).toHaveText('4 of 4', { timeout: 60_000 });
  const sent = rig.fake.stats.submitBodies.map((s) => s.body as { seed?: number; duration: number });
  expect(sent.map((b) => `${b.duration}:${b.seed}`).sort()).toEqual(shown.map((seed, i) => `${i < 2 ? 4 : 6}:${seed}`).sort());
});

test('the prompt history: search, and Reuse opens an entry’s prompt and settings as the draft', async ({ page }) => {
  test.setTimeout(90_000);
  rig = await startRig(page, { progress: { mode: 'polls', pollsToComplete: 1 } });
  await page.getByRole('radio', { name: /^6 s/ }).check();
  await submitPrompt(page, 'A paper boat drifting down a rainy street at dusk');
  await page.getByRole('radio', { name: /^4 s/ }).check();
  await submitPrompt(page, 'Waves rolling onto a black sand beach');
  await closeActivity(page);

  await page.getByLabel('Prompt', { exact: true }).fill('something else entirely');
  await page.getByRole('button', { name: 'History' }).click();
  const panel = page.getByRole('dialog', { name: 'Prompt history' });
  await expect(panel.locator('.history-item')).toHaveCount(2);
  await expect(panel.locator('.history-prompt').first()).toHaveText('Waves rolling onto a black sand beach');
  expect(await axe(page, '.history-panel'), 'history panel').toEqual([]);

  await panel.getByLabel('Search prompts').fill('paper');
  await expect(panel.locator('.history-item')).toHaveCount(1);
  await expect(panel.locator('.history-item')).toContainText('6 s');
  // Enter in the search field is no Generate.
  await panel.getByLabel('Search prompts').press('Enter');
  await panel.getByRole('button', { name: /^Reuse “A paper boat/ }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('A paper boat drifting down a rainy street at dusk');
  await expect(page.getByLabel('Prompt', { exact: true })).toBeFocused();
  await expect(page.getByRole('radio', { name: /^6 s/ })).toBeChecked();
  await expect(page.locator('.feed-job')).toHaveCount(2);

  await page.getByRole('button', { name: 'History' }).click();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'History' })).toBeFocused();
});

test('batch dialog and history screenshots: 1024×700 and 1920×1080, light and dark, English and Korean', async ({ page }) => {
  test.setTimeout(180_000);
  rig = await startRig(page, { progress: { mode: 'polls', pollsToComplete: 1 } });
  await submitPrompt(page, 'A paper boat drifting down a rainy street at dusk');
  await closeActivity(page);
  await page.getByLabel('Prompt', { exact: true }).fill('A lighthouse at dawn, slow push-in');
  // A finished batch, so the dialog's list of batches is in the pictures too.
  const first = await openBatch(page);
  await first.getByLabel('Rows', { exact: true }).fill(GOOD_ROWS.slice(0, 2).join('\n'));
  await first.getByLabel('Batch name (optional)').fill('storyboard');
  await first.getByRole('button', { name: 'Queue 2 jobs' }).click();
  await expect(first.locator('.batch-run-count')).toHaveText('2 of 2', { timeout: 60_000 });
  await page.keyboard.press('Escape');
  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await setPreferences(page, { language, theme });
      await page.locator('.batch-button').click();
      const dialog = page.locator('dialog.batch-dialog');
      await expect(dialog).toBeVisible();
      await dialog.locator('#batch-text').fill([...GOOD_ROWS, TOO_LONG, '# a comment', 'A harbour seen from a boat, morning fog'].join('\n'));
      await expect(planRow(dialog, 4)).toHaveAttribute('data-state', 'bad');
      expect(await axe(page, '.batch-dialog'), `batch dialog ${theme} ${language}`).toEqual([]);
      for (const [w, h] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: `${SCREENSHOTS}/batch-${w}x${h}-${theme}-${language}.png` });
      }
      await dialog.locator('.batch-source input[type="radio"]').nth(1).check();
      await dialog.locator('.batch-seeds input[type="radio"]').nth(1).check();
      for (const model of [0, 1]) await dialog.locator('.batch-axis').nth(0).locator('input').nth(model).check();
      await expect(dialog.locator('.plan-table tbody tr')).toHaveCount(8);
      await page.screenshot({ path: `${SCREENSHOTS}/batch-sweep-1920x1080-${theme}-${language}.png` });
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.screenshot({ path: `${SCREENSHOTS}/batch-sweep-1024x700-${theme}-${language}.png` });
      expect(await axe(page, '.batch-dialog'), `batch sweep ${theme} ${language}`).toEqual([]);
      // The next round starts from a list again, nothing ticked.
      for (const model of [0, 1]) await dialog.locator('.batch-axis').nth(0).locator('input').nth(model).uncheck();
      await dialog.locator('.batch-seeds input[type="radio"]').nth(0).check();
      await dialog.locator('.batch-source input[type="radio"]').nth(0).check();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await page.locator('.history-button').click();
      // The prompt sent from the draft and the two of the batch.
      await expect(page.locator('.history-item')).toHaveCount(3);
      await page.screenshot({ path: `${SCREENSHOTS}/history-1024x700-${theme}-${language}.png` });
      expect(await axe(page, '.history-panel'), `history panel ${theme} ${language}`).toEqual([]);
      await page.keyboard.press('Escape');
    }
  }
});
