import { expect, test } from '@playwright/test';
import { jobRow, SCREENSHOTS, startRig, submitPrompt, watchProblems, type Rig } from './support/queue-helpers.js';
import { openActivity } from './support/studio-page.js';

/**
 * What the queue says when APIMart refuses: each failure in plain words with
 * the one thing to do about it, the raw words behind a details expander.
 */

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

test('401: the key was refused, and "Open settings" goes to the key field', async ({ page }) => {
  rig = await startRig(page);
  const problems = watchProblems(page);
  rig.fake.fault({ route: 'submit', kind: 'status', status: 401, times: 20 });
  const row = await submitPrompt(page, 'A fox running through snow at dawn');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(row.locator('.job-problem')).toContainText('APIMart did not accept the key.');
  // The raw detail is there, folded away.
  await row.getByText('Details').click();
  await expect(row.locator('.job-details dd').first()).toHaveText('auth');
  await row.screenshot({ path: `${SCREENSHOTS}/queue-row-401-en.png` });

  await row.getByRole('button', { name: 'Open settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('API key')).toBeVisible();
  expect(problems.filter((p) => !/401|Unauthorized/i.test(p))).toEqual([]);
});

test('402: no balance: the balance and a top-up hint are shown', async ({ page }) => {
  rig = await startRig(page, { balanceUsd: 0.4 });
  rig.fake.fault({ route: 'submit', kind: 'status', status: 402, times: 20 });
  const row = await submitPrompt(page, 'A lighthouse in a storm, waves crashing');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('Your APIMart balance is too low for this video.');
  await expect(problem.locator('.job-balance')).toHaveText('Balance: $0.40.');
  await expect(problem).toContainText('Top up your APIMart account');
  await expect(row.getByRole('button', { name: 'Retry as new job' })).toBeVisible();
  await row.screenshot({ path: `${SCREENSHOTS}/queue-row-402-en.png` });
});

test('429 then success: "retrying in N s", then the job finishes', async ({ page }) => {
  rig = await startRig(page);
  rig.fake.fault({ route: 'submit', kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
  const row = await submitPrompt(page, 'Hot air balloons over a valley at sunrise');
  await expect(row.locator('.job-problem')).toContainText(/APIMart is rate limiting requests: retrying in [12] s\./, { timeout: 10_000 });
  await row.screenshot({ path: `${SCREENSHOTS}/queue-row-429-en.png` }).catch(() => undefined);
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(row.locator('.job-problem')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Open result' })).toBeVisible();
  expect(rig.fake.stats.tasksCreated).toBe(1);
});

test('content policy: says the provider blocked it and what to change', async ({ page }) => {
  rig = await startRig(page);
  rig.fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the content safety policy' });
  const row = await submitPrompt(page, 'A famous actor robbing a bank');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('The provider blocked this video under its content policy.');
  await expect(problem).toContainText('remove names of real people');
  await problem.getByText('Details').click();
  await expect(problem.locator('.job-details')).toContainText('content_policy');
  await expect(problem.locator('.job-details')).toContainText('blocked by the content safety policy');
});

test('a reload mid-job keeps the job, and it finishes', async ({ page }) => {
  rig = await startRig(page, { progress: { mode: 'time', durationMs: 7000 } });
  const row = await submitPrompt(page, 'Koi fish circling in a moonlit pond');
  await expect(row).toHaveAttribute('data-state', 'generating', { timeout: 15_000 });
  const id = await row.getAttribute('data-job-id');
  await page.reload();
  await openActivity(page);
  const again = jobRow(page, 'Koi fish circling in a moonlit pond');
  await expect(again).toHaveAttribute('data-job-id', id ?? '');
  await expect(again).toHaveAttribute('data-state', /generating|downloading|done/);
  await expect(again).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(rig.fake.stats.tasksCreated).toBe(1);
});

test('stop tracking asks first and explains the provider may still charge', async ({ page }) => {
  rig = await startRig(page, { progress: { mode: 'time', durationMs: 20_000 } });
  const row = await submitPrompt(page, 'A slow pan across a desert at noon');
  await expect(row).toHaveAttribute('data-state', 'generating', { timeout: 15_000 });
  await row.getByRole('button', { name: 'Stop tracking' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Stop tracking this job?' });
  await expect(dialog).toContainText('may still finish it and charge');
  await dialog.getByRole('button', { name: 'Keep tracking' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveAttribute('data-state', 'generating');
  await row.getByRole('button', { name: 'Stop tracking' }).click();
  await dialog.getByRole('button', { name: 'Stop tracking' }).click();
  await expect(row).toHaveAttribute('data-state', 'stopped');
  await expect(row.getByRole('button', { name: 'Retry as new job' })).toBeVisible();
});
