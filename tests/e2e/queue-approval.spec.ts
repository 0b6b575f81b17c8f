import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { jobRow, SCREENSHOTS, startRig, submitPrompt, watchProblems, type Rig } from './support/queue-helpers.js';
import { openActivity } from './support/studio-page.js';

/**
 * A live job that would pass a spending cap waits in the queue, unsent, with
 * its figures; "Approve and send" sends it once. In English and in Korean.
 * The cap is in the settings file, as `keyframe budget` writes it.
 */

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const withDailyCap = (usd: number) => ({ prepare: ({ dataDir }: { dataDir: string }) => writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ dailyCapUsd: usd })) });

async function expectSentOnceAfterApproval(page: Page, r: Rig, prompt: string, approve: string): Promise<void> {
  const row = jobRow(page, prompt);
  expect(r.fake.stats.submits).toBe(0);
  await row.getByRole('button', { name: approve }).click();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(r.fake.stats.tasksCreated).toBe(1);
}

test('a job over the daily cap waits with its figures, and "Approve and send" sends it once', async ({ page }) => {
  rig = await startRig(page, {}, withDailyCap(0.5));
  const problems = watchProblems(page);
  const row = await submitPrompt(page, 'A paper boat on a rainy street');
  await expect(row).toHaveAttribute('data-state', 'needs_approval', { timeout: 15_000 });
  await expect(row.locator('.badge')).toHaveText('Waiting for approval');
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('Not sent: this job would pass your spending cap.');
  await expect(problem.locator('.job-approval')).toContainText('This job: about $0.51');
  await expect(problem.locator('.job-approval')).toContainText('Today: $0.00 spent or on its way; daily cap $0.50');
  await expect(row.getByRole('button', { name: 'Stop tracking' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Retry as new job' })).toHaveCount(0);
  await row.screenshot({ path: `${SCREENSHOTS}/queue-row-approval-en.png` });
  await expectSentOnceAfterApproval(page, rig, 'A paper boat on a rainy street', 'Approve and send');
  expect(problems).toEqual([]);
});

test('the held job and its figures read in Korean', async ({ page }) => {
  rig = await startRig(page, {}, { locale: 'ko_KR.UTF-8', ...withDailyCap(0.5) });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const field = page.getByLabel('프롬프트', { exact: true });
  await field.fill('비 오는 거리의 종이배');
  await field.press('Control+Enter');
  await openActivity(page, 'ko');
  const row = jobRow(page, '비 오는 거리의 종이배');
  await expect(row).toHaveAttribute('data-state', 'needs_approval', { timeout: 15_000 });
  await expect(row.locator('.badge')).toHaveText('승인 대기');
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('보내지 않음: 이 작업을 보내면 지출 한도를 넘습니다.');
  await expect(problem.locator('.job-approval')).toContainText('이 작업: 약 $0.51');
  await expect(problem.locator('.job-approval')).toContainText('일일 한도 $0.50');
  await expect(problem).not.toContainText('spending cap');
  await row.screenshot({ path: `${SCREENSHOTS}/queue-row-approval-ko.png` });
  await expectSentOnceAfterApproval(page, rig, '비 오는 거리의 종이배', '승인하고 보내기');
});
