import { expect, test, type Locator, type Page } from '@playwright/test';
import { jobRow, openView, SCREENSHOTS, startRig, watchProblems, type Rig } from './support/queue-helpers.js';
import { openActivity } from './support/studio-page.js';

/**
 * With the UI in Korean, errors made in main read in Korean: main sends a key
 * and params, the page picks the words. The English the log and the CLI get
 * must not show. APIMart's own words are asked for in Korean (`?language=ko`)
 * and shown as APIMart said them.
 */

const KOREAN = { locale: 'ko_KR.UTF-8' };

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function startKorean(page: Page, fake: Parameters<typeof startRig>[1] = {}): Promise<Rig> {
  const r = await startRig(page, fake, KOREAN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  return r;
}

/** Types a prompt and sends it with Ctrl+Enter, in the Korean UI. */
async function submitKorean(page: Page, prompt: string): Promise<Locator> {
  const field = page.getByLabel('프롬프트', { exact: true });
  await field.fill(prompt);
  await field.press('Control+Enter');
  await openActivity(page, 'ko');
  const row = jobRow(page, prompt);
  await expect(row).toBeVisible();
  return row;
}

test('a field error from main reads in Korean, naming the field', async ({ page }) => {
  rig = await startKorean(page);
  await openView(page, 'settings');
  await expect(page.locator('#settings-title')).toHaveText('설정');
  await page.locator('#settings-folder-path').fill('relative/videos');
  await page.getByRole('button', { name: '폴더 저장' }).click();
  const alert = page.locator('.settings-section').getByRole('alert');
  await expect(alert).toHaveText('출력 폴더: 출력 폴더는 전체 경로로 지정하세요.');
  await expect(page.locator('body')).not.toContainText('Choose the output folder');
  await page.screenshot({ path: `${SCREENSHOTS}/errors-settings-ko.png`, fullPage: true });
});

test('the compose form words a refused field in Korean, as main would', async ({ page }) => {
  rig = await startKorean(page);
  // A control character pasted into the prompt: the shared schema refuses it, here and in main.
  await page.getByLabel('프롬프트', { exact: true }).fill('비 내리는 거리의 종이배\u0007');
  await expect(page.locator('#prompt-error')).toHaveText('프롬프트에 제어 문자가 들어 있습니다.');
  await page.getByText('더 보기', { exact: true }).click();
  await page.locator('#negative-prompt').fill('흐림\u0001');
  await expect(page.locator('#negative-error')).toHaveText('제외할 요소에 제어 문자가 들어 있습니다.');
  await expect(page.locator('body')).not.toContainText('contains control characters');
  await page.screenshot({ path: `${SCREENSHOTS}/errors-compose-ko.png`, fullPage: true });
});

test('401 and a bad request from APIMart read in Korean in the queue', async ({ page }) => {
  rig = await startKorean(page);
  const problems = watchProblems(page);
  rig.fake.fault({ route: 'submit', kind: 'status', status: 401, times: 20 });
  const refusedKey = await submitKorean(page, '새벽 눈밭을 달리는 여우');
  await expect(refusedKey).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(refusedKey.locator('.job-problem')).toContainText('APIMart가 키를 받아들이지 않았습니다.');
  await expect(refusedKey.getByRole('button', { name: '설정 열기' })).toBeVisible();
  await expect(refusedKey.locator('.job-problem')).not.toContainText('did not accept');

  rig.fake.clearFaults();
  rig.fake.fault({
    route: 'submit',
    kind: 'status',
    status: 400,
    body: { error: { code: 'invalid_request', message: 'duration must be one of 4, 6, 8', type: 'invalid_request_error', param: 'duration' } },
    times: 20,
  });
  const refused = await submitKorean(page, '폭풍우 속의 등대');
  await expect(refused).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  // Keyframe's sentence in Korean; APIMart's own words as it said them.
  await expect(refused.locator('.job-problem .job-error')).toHaveText('APIMart가 요청을 거부했습니다. APIMart의 답: “duration must be one of 4, 6, 8”');
  await expect(refused.locator('.job-problem')).not.toContainText('APIMart rejected the request');
  await page.locator('section.queue').screenshot({ path: `${SCREENSHOTS}/errors-queue-ko.png` });

  // The same 401 answering "Test key" in Settings: main's error, worded by the page.
  rig.fake.clearFaults();
  rig.fake.fault({ route: 'balance', kind: 'status', status: 401, times: 5 });
  await refusedKey.getByRole('button', { name: '설정 열기' }).click();
  await page.getByRole('button', { name: '키 테스트' }).click();
  await expect(page.locator('.settings-section').getByRole('alert')).toHaveText('APIMart가 API 키를 받아들이지 않았습니다. 설정에서 키를 확인하세요.');
  await expect(page.locator('body')).not.toContainText('did not accept');
  expect(problems.filter((p) => !/40[01]|Unauthorized|Bad Request/i.test(p))).toEqual([]);
});

test('402: the balance and the top-up hint read in Korean', async ({ page }) => {
  rig = await startKorean(page, { balanceUsd: 0.4 });
  rig.fake.fault({ route: 'submit', kind: 'status', status: 402, times: 20 });
  const row = await submitKorean(page, '해 질 녘 바다 위의 열기구');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('APIMart 잔액이 이 동영상을 만들기에 부족합니다.');
  await expect(problem.locator('.job-balance')).toHaveText('잔액: $0.40.');
  await expect(problem).not.toContainText('balance is too low');
  await row.screenshot({ path: `${SCREENSHOTS}/errors-queue-402-ko.png` });
});

test('429: "retrying in N s" reads in Korean, then the job finishes', async ({ page }) => {
  rig = await startKorean(page);
  rig.fake.fault({ route: 'submit', kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
  const row = await submitKorean(page, '계곡 위로 떠오르는 열기구');
  await expect(row.locator('.job-problem')).toContainText(/APIMart가 요청 수를 제한하고 있습니다\. [12]초 후 다시 시도합니다\./, { timeout: 10_000 });
  await expect(row.locator('.job-problem')).not.toContainText('rate limiting');
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});

test('a content-policy refusal reads in Korean, with APIMart’s own Korean words in the details', async ({ page }) => {
  rig = await startKorean(page);
  rig.fake.fault({
    route: 'task',
    kind: 'fail',
    message: 'The prompt was blocked by the content safety policy',
    localized: { ko: '콘텐츠 안전 정책에 따라 프롬프트가 차단되었습니다' },
  });
  const row = await submitKorean(page, '은행을 터는 유명 배우');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const problem = row.locator('.job-problem');
  await expect(problem).toContainText('제공업체의 콘텐츠 정책에 따라 이 동영상이 차단되었습니다.');
  await problem.getByText('자세히').click();
  await expect(problem.locator('.job-details')).toContainText('콘텐츠 안전 정책에 따라 프롬프트가 차단되었습니다');
  await expect(problem).not.toContainText('content policy');
  await expect(problem).not.toContainText('blocked by the content safety policy');
  expect(rig.fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/tasks/')).every((r) => r.path.endsWith('?language=ko'))).toBe(true);
  await row.screenshot({ path: `${SCREENSHOTS}/errors-queue-policy-ko.png` });
});
