import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCREENSHOTS, submitPrompt, watchProblems } from './support/queue-helpers.js';
import { LIVE_KEY, providerChip, requestsTo, startLiveRig, type LiveRig } from './support/live-rig.js';
import { writePastJobs } from './support/spending-fixture.js';

/**
 * The money a person sees: a cap set in Settings holds a live job that would
 * pass it (with its figures) until it is approved, and the Spending view shows
 * each job's estimate against its charge and the day's total. In Chromium
 * through the browser host, against a fake standing in for APIMart.
 */

let rig: LiveRig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const view = (page: Page, name: 'studio' | 'spending' | 'settings'): Promise<void> => page.locator(`nav button[data-nav="${name}"]`).click();

/** A total card of the Spending view (Today / This month / All time). */
const card = (page: Page, name: string): Locator => page.locator('.spend-totals').getByRole('listitem', { name });

const submits = (r: LiveRig) => requestsTo(r.apimart, '/v1/videos/generations').filter((q) => q.method === 'POST');

test('a $1 daily cap set in Settings holds an 8 s quality job with its figures; approving sends it once; Spending shows its estimate, charge and today’s total', async ({ page }) => {
  rig = await startLiveRig(page, { key: LIVE_KEY, balanceUsd: 25 });
  const problems = watchProblems(page);
  await expect(providerChip(page)).toHaveText('LIVE · $25.00');

  // Settings: the caps start empty (none), nothing is spent yet, and the prices are the bundled table's.
  await view(page, 'settings');
  const caps = page.getByRole('region', { name: 'Spending caps' });
  const daily = caps.getByLabel('Daily cap');
  await expect(daily).toHaveValue('');
  await expect(caps).toContainText('Prices: bundled table of 2026-09-14');
  await expect(caps.getByText(/^Spent today: \$0\.00/)).toBeVisible();
  await daily.fill('1.234');
  await expect(caps.getByText('Use at most two decimals (cents).')).toBeVisible();
  await expect(daily).toHaveAttribute('aria-invalid', 'true');
  await expect(caps.getByRole('button', { name: 'Save caps' })).toBeDisabled();
  await daily.fill('$1');
  await caps.getByRole('button', { name: 'Save caps' }).click();
  await expect(caps.getByRole('status')).toHaveText('Saved.');
  await expect(daily).toHaveValue('1');
  await expect(caps.getByText('Spent today: $0.00 · $1.00 left')).toBeVisible();

  // Spending before any live job: nothing spent, the whole cap left, an empty chart and no jobs.
  await view(page, 'spending');
  await expect(card(page, 'Today').locator('.spend-figure')).toHaveText('$0.00');
  await expect(card(page, 'Today')).toContainText('Daily cap $1.00 · $1.00 left');
  await expect(page.getByText('Nothing spent on these days.')).toBeVisible();
  await expect(page.getByText(/^No live jobs in /)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/spending-empty-en.png` });

  // Studio: main prices the job with its breakdown, and the table's date is its tooltip.
  await view(page, 'studio');
  await page.getByRole('group', { name: 'Model' }).getByRole('radio', { name: 'Quality' }).check();
  await expect(page.getByRole('group', { name: 'Duration' }).getByLabel('8 s')).toBeChecked();
  const cost = page.locator('[data-cost]');
  await expect(cost).toContainText('≈ $1.28 · 8 s × 1 × $0.16/s');
  await expect(cost.locator('.cost-figures')).toHaveAttribute('title', /price table bundled with Keyframe, dated 2026-09-14/);

  const prompt = 'Snow falling on a quiet city square at night';
  const row = await submitPrompt(page, prompt);
  await expect(row).toHaveAttribute('data-state', 'needs_approval', { timeout: 15_000 });
  const figures = row.locator('.job-approval');
  await expect(figures).toContainText('This job: about $1.28');
  await expect(figures).toContainText('Today: $0.00 spent or on its way; daily cap $1.00');
  expect(submits(rig)).toHaveLength(0);
  expect(rig.apimart.stats.tasksCreated).toBe(0);

  await row.getByRole('button', { name: 'Approve and send' }).click();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(rig.apimart.stats.tasksCreated).toBe(1);
  expect(submits(rig)).toHaveLength(1);

  // Spending: today's total is the charge; the job's estimate, charge and difference; the cap passed by approval.
  await view(page, 'spending');
  await expect(page.getByRole('heading', { name: 'Spending', level: 2 })).toBeVisible();
  const today = card(page, 'Today');
  await expect(today.locator('.spend-figure')).toHaveText('$1.28');
  await expect(today).toContainText('1 live job');
  await expect(today).toContainText('Daily cap $1.00 · $0.28 over');
  await expect(card(page, 'This month').locator('.spend-figure')).toHaveText('$1.28');
  await expect(card(page, 'All time').locator('.spend-figure')).toHaveText('$1.28');
  await expect(card(page, 'This month')).toContainText('No monthly cap');

  const table = page.getByRole('table');
  const jobLine = table.getByRole('row').filter({ hasText: prompt });
  await expect(jobLine).toHaveCount(1);
  await expect(jobLine.locator('[data-col="estimate"]')).toHaveText('$1.28');
  await expect(jobLine.locator('[data-col="charged"]')).toHaveText('$1.28');
  await expect(jobLine.locator('[data-col="difference"]')).toHaveText('$0.00');
  await expect(jobLine).toContainText('Quality · 8 s · 720p');
  await expect(jobLine).toContainText('Charged');

  // The chart: today's bar names its day and amount, and the keyboard walks the bars.
  const bars = page.getByRole('list', { name: 'Spending per day' }).getByRole('listitem');
  await expect(bars).toHaveCount(30);
  const todayBar = bars.last();
  await expect(todayBar).toContainText(/^.*Today, .+: \$1\.28 · 1 live job/);
  await todayBar.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(bars.nth(28)).toBeFocused();
  await expect(bars.nth(28)).toContainText(': $0.00');
  await page.keyboard.press('End');
  await expect(todayBar).toBeFocused();

  // Back in Settings, what the cap left is shown beside it.
  await view(page, 'settings');
  await expect(page.getByText('Spent today: $1.28 · $0.28 over the cap')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the Spending view reads past weeks: the chart, the month picker, a charge that differed from its estimate and a failed job', async ({ page }) => {
  const now = Date.now();
  rig = await startLiveRig(page, { key: LIVE_KEY, settings: { dailyCapUsd: 5, monthlyCapUsd: 60 }, prepare: ({ dataDir }) => writePastJobs(dataDir, now) });
  const problems = watchProblems(page);
  await view(page, 'spending');
  const bars = page.getByRole('list', { name: 'Spending per day' }).getByRole('listitem');
  await expect(bars).toHaveCount(30);
  // Eight days ago (today is the last bar): a quality job billed 5 % above its $1.28 estimate.
  await expect(bars.nth(29 - 8)).toContainText(': $1.34 · 1 live job');
  const all = card(page, 'All time');
  await expect(all).toContainText('12 live jobs');
  await expect(all.locator('.spend-figure')).toHaveText('$12.81');

  // The picker never passes the current month; going back shows that month's days and jobs.
  const picker = page.getByRole('group', { name: 'Month shown' });
  const shown = picker.locator('[data-month]');
  await expect(picker.getByRole('button', { name: 'Next month' })).toBeDisabled();
  const monthOfDaysAgo = (n: number): string => {
    const d = new Date(now - n * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  };
  const showMonth = async (month: string): Promise<void> => {
    while ((await shown.getAttribute('data-month')) !== month) {
      const before = (await shown.getAttribute('data-month')) ?? '';
      await picker.getByRole('button', { name: 'Previous month' }).click();
      await expect(shown).not.toHaveAttribute('data-month', before);
    }
  };
  const rowOf = (text: string): Locator => page.getByRole('table').getByRole('row').filter({ hasText: text });

  await showMonth(monthOfDaysAgo(8));
  const snow = rowOf('Snow falling');
  await expect(snow.locator('[data-col="estimate"]')).toHaveText('$1.28');
  await expect(snow.locator('[data-col="charged"]')).toHaveText('$1.34');
  await expect(snow.locator('[data-col="difference"]')).toHaveText('+$0.06 (charged more than estimated)');

  await showMonth(monthOfDaysAgo(22));
  const failed = rowOf('close-up');
  await expect(failed).toContainText('Not charged (failed)');
  await expect(failed.locator('[data-col="charged"]')).toHaveText('$0.00');
  await expect(failed.locator('[data-col="difference"]')).toHaveText('—');
  if (monthOfDaysAgo(22) !== monthOfDaysAgo(0)) {
    await expect(page.getByRole('heading', { name: /^Each day of / })).toBeVisible();
    await picker.getByRole('button', { name: 'This month' }).click();
  }
  await expect(shown).toHaveAttribute('data-month', monthOfDaysAgo(0));
  await expect(page.getByRole('heading', { name: 'Last 30 days' })).toBeVisible();
  await expect(picker.getByRole('button', { name: 'Next month' })).toBeDisabled();
  expect(problems).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Spending view and the caps pass axe in the ${theme} theme`, async ({ page }) => {
    rig = await startLiveRig(page, { key: LIVE_KEY, settings: { dailyCapUsd: 5, theme }, prepare: ({ dataDir }) => writePastJobs(dataDir, Date.now()) });
    await view(page, 'spending');
    await expect(page.locator('.spend-table tbody tr').first()).toBeVisible();
    const spending = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(spending.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await view(page, 'settings');
    await expect(page.getByText(/^Spent today:/)).toBeVisible();
    const settings = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(settings.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('spending screenshots: the Spending view and the caps, light and dark, English and Korean, 1024×700 and 1920×1080', async ({ page }) => {
  test.setTimeout(180_000);
  rig = await startLiveRig(page, {
    key: LIVE_KEY,
    balanceUsd: 84.2,
    settings: { dailyCapUsd: 5, monthlyCapUsd: 60 },
    prepare: ({ dataDir }) => writePastJobs(dataDir, Date.now()),
  });
  const problems = watchProblems(page);
  const words = { en: { language: 'Language', caps: 'Spending caps' }, ko: { language: '언어', caps: '지출 한도' } } as const;
  let lang: 'en' | 'ko' = 'en';
  for (const next of ['en', 'ko'] as const) {
    if (next !== lang) {
      await view(page, 'settings');
      await page.getByLabel(words[lang].language).selectOption(next);
      await expect(page.locator('html')).toHaveAttribute('lang', next);
      lang = next;
    }
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await view(page, 'spending');
        await expect(page.locator('.spend-table tbody tr').first()).toBeVisible();
        await page.screenshot({ path: `${SCREENSHOTS}/spending-${theme}-${lang}-${width}x${height}.png` });
        await page.screenshot({ path: `${SCREENSHOTS}/spending-full-${theme}-${lang}-${width}x${height}.png`, fullPage: true });
        await view(page, 'settings');
        const caps = page.getByRole('region', { name: words[lang].caps });
        await expect(caps.locator('.settings-cap-spent').first()).not.toBeEmpty();
        await caps.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOTS}/settings-caps-${theme}-${lang}-${width}x${height}.png` });
      }
    }
  }
  expect(problems).toEqual([]);
});
