import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, watchProblems } from './support/queue-helpers.js';
import { openActivity, openNotices } from './support/studio-page.js';
import { goTo, jobItems, LIVE_KEY, providerChip, requestsTo, startLiveRig, type LiveRig } from './support/live-rig.js';

/**
 * Live from the first key, one DEMO/LIVE chip that switches (asking first),
 * "Test key" that tests the key in demo mode too, and no second paid job from
 * a double Ctrl+Enter. Run in Chromium through the browser host, against a
 * fake standing in for APIMart and another for the demo provider.
 */

let rig: LiveRig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const DEMO_NOTICE = /Demo mode: jobs run on the built-in demo provider/;

async function typePrompt(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
}

test('saving the first key goes LIVE: the next job reaches APIMart, not the demo provider, and the chip shows the balance', async ({ page }) => {
  rig = await startLiveRig(page, { balanceUsd: 25 });
  const problems = watchProblems(page);
  const chip = providerChip(page);
  await expect(chip).toHaveText('DEMO');
  await openNotices(page);
  await expect(page.getByText(DEMO_NOTICE)).toBeVisible();

  // Without a key, the chip's way to LIVE starts with the key.
  await chip.click();
  const needKey = page.getByRole('alertdialog', { name: 'Add your APIMart key to go LIVE' });
  await expect(needKey).toBeVisible();
  await needKey.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test key' })).toBeDisabled();

  await page.getByLabel('API key').fill(LIVE_KEY);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Key saved. Keyframe is now LIVE: new jobs run on APIMart and are charged to your account.' })).toBeVisible();
  await expect(chip).toHaveText('LIVE · $25.00');
  await expect(page.getByText(DEMO_NOTICE)).toHaveCount(0);

  await goTo(page, 'studio');
  await typePrompt(page, 'A paper boat drifting down a rainy street at dusk, cinematic');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
  await openActivity(page);
  const row = jobItems(page).filter({ hasText: 'A paper boat drifting' });
  await expect(row).toContainText('Done', { timeout: 30_000 });
  await expect(row).not.toContainText('demo');
  expect(rig.apimart.stats.tasksCreated).toBe(1);
  expect(rig.demo.stats.tasksCreated).toBe(0);
  expect(requestsTo(rig.apimart, '/v1/videos/generations').every((r) => r.headers.authorization === `Bearer ${LIVE_KEY}`)).toBe(true);
  // The job was charged: the chip follows the balance down.
  await expect(chip).toHaveText(/^LIVE · \$2[0-4]\.\d\d$/);
  expect(problems).toEqual([]);
});

test('switching to DEMO and back asks first; Cancel and Escape keep the mode; "Test key" in DEMO tests the key', async ({ page }) => {
  rig = await startLiveRig(page, { key: LIVE_KEY, balanceUsd: 12.5 });
  const chip = providerChip(page);
  await expect(chip).toHaveText('LIVE · $12.50');
  await expect(page.getByText(DEMO_NOTICE)).toHaveCount(0);

  await chip.click();
  const toDemo = page.getByRole('alertdialog', { name: 'Switch to DEMO?' });
  await expect(toDemo).toContainText('nothing is charged');
  await toDemo.getByRole('button', { name: 'Switch to DEMO' }).click();
  await expect(toDemo).toBeHidden();
  await expect(chip).toHaveText('DEMO');
  await openNotices(page);
  await expect(page.getByText(DEMO_NOTICE)).toBeVisible();

  await chip.click();
  const toLive = page.getByRole('alertdialog', { name: 'Switch to LIVE?' });
  await expect(toLive).toContainText('Jobs will run on APIMart and be charged to your account.');
  await expect(toLive.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/chip-dialog-live-en.png` });
  await toLive.getByRole('button', { name: 'Cancel' }).click();
  await expect(toLive).toBeHidden();
  await expect(chip).toHaveText('DEMO');
  await chip.click();
  await expect(toLive).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toLive).toBeHidden();
  await expect(chip).toHaveText('DEMO');

  // A demo job runs on the demo provider, and costs the account nothing.
  await typePrompt(page, 'Waves rolling onto a black sand beach');
  await page.getByRole('button', { name: 'Generate' }).click();
  await openActivity(page);
  await expect(jobItems(page).filter({ hasText: 'Waves rolling' })).toContainText('Done', { timeout: 30_000 });
  expect(rig.demo.stats.tasksCreated).toBe(1);
  expect(rig.apimart.stats.tasksCreated).toBe(0);

  // "Test key" asks APIMart with the saved key, in DEMO too.
  await goTo(page, 'settings');
  const asked = requestsTo(rig.apimart, '/v1/balance').length;
  await page.getByRole('button', { name: 'Test key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The key works. Balance: $12.50.' })).toBeVisible();
  const balanceCalls = requestsTo(rig.apimart, '/v1/balance');
  expect(balanceCalls.length).toBe(asked + 1);
  expect(balanceCalls.at(-1)?.headers.authorization).toBe(`Bearer ${LIVE_KEY}`);

  // Settings offers the same switch, with the same question.
  await page.getByRole('button', { name: 'Switch to LIVE…' }).click();
  await page.getByRole('alertdialog', { name: 'Switch to LIVE?' }).getByRole('button', { name: 'Switch to LIVE' }).click();
  await expect(chip).toHaveText('LIVE · $12.50');
  await expect(page.getByText(DEMO_NOTICE)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Switch to DEMO…' })).toBeVisible();
});

test('a double Ctrl+Enter asks before queueing the same job again; Cancel queues nothing', async ({ page }) => {
  rig = await startLiveRig(page, { key: LIVE_KEY });
  const prompt = page.getByLabel('Prompt', { exact: true });
  await typePrompt(page, 'Lanterns rising over a dark lake, slow pan');
  await prompt.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Queued: it is at the top of the results.' })).toBeVisible();
  await prompt.press('Control+Enter');

  const again = page.getByRole('alertdialog', { name: 'Queue the same job again?' });
  await expect(again).toContainText(/^.*The same job was queued \d+ s ago — queue it again\?/);
  // The safe answer has the focus: a third Enter out of habit does not queue.
  await expect(again.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/duplicate-dialog-en.png` });
  await page.keyboard.press('Enter');
  await expect(again).toBeHidden();
  await openActivity(page);
  await expect(jobItems(page)).toHaveCount(1);
  await expect(jobItems(page).first()).toContainText('Done', { timeout: 30_000 });
  expect(rig.apimart.stats.tasksCreated).toBe(1);

  // Asked for on purpose: "Queue again" queues the second one.
  await prompt.press('Control+Enter');
  await again.getByRole('button', { name: 'Queue again' }).click();
  await expect(jobItems(page)).toHaveCount(2);
  await expect(jobItems(page).nth(0)).toContainText('Done', { timeout: 30_000 });
  await expect(jobItems(page).nth(1)).toContainText('Done', { timeout: 30_000 });
  expect(rig.apimart.stats.tasksCreated).toBe(2);
});

test('notices go with their cause: "no key" and the refused submit vanish once a key is saved', async ({ page }) => {
  // An earlier run left demo mode chosen off, and there is no key.
  rig = await startLiveRig(page, { settings: { demoMode: false, demoChosen: true } });
  const noKey = page.getByText('No APIMart key is set and demo mode is off, so jobs cannot run yet.');
  await openNotices(page);
  await expect(noKey).toBeVisible();
  await typePrompt(page, 'A lighthouse in a storm');
  await page.getByRole('button', { name: 'Generate' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'No APIMart API key is set' });
  await expect(refused).toBeVisible();

  await goTo(page, 'settings');
  await page.getByLabel('API key').fill(LIVE_KEY);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(providerChip(page)).toHaveText('LIVE · $25.00');
  await goTo(page, 'studio');
  await expect(noKey).toHaveCount(0);
  await expect(refused).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
});

test('chip screenshots: LIVE and DEMO, light and dark, English and Korean, 1024×700 and 1920×1080', async ({ page }) => {
  test.setTimeout(120_000);
  rig = await startLiveRig(page, { key: LIVE_KEY, balanceUsd: 1234.5 });
  const chip = providerChip(page);
  await expect(chip).toHaveText('LIVE · $1234.50');
  const words = {
    en: { live: 'LIVE · $1234.50', demo: 'DEMO', toDemo: 'Switch to DEMO?', confirm: 'Switch to DEMO', language: 'Language' },
    ko: { live: '라이브 · $1234.50', demo: '데모', toDemo: '데모로 전환하시겠습니까?', confirm: '데모로 전환', language: '언어' },
  } as const;
  const setLanguage = async (from: 'en' | 'ko', to: 'en' | 'ko'): Promise<void> => {
    await goTo(page, 'settings', from);
    await page.getByLabel(words[from].language).selectOption(to);
    await expect(page.locator('html')).toHaveAttribute('lang', to);
    await goTo(page, 'studio', to);
  };

  let lang: 'en' | 'ko' = 'en';
  for (const state of ['live', 'demo'] as const) {
    if (state === 'demo') {
      await chip.click();
      const dialog = page.getByRole('alertdialog', { name: words[lang].toDemo });
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/chip-dialog-demo-${lang}.png` });
      await dialog.getByRole('button', { name: words[lang].confirm }).click();
    }
    for (const next of lang === 'en' ? (['en', 'ko'] as const) : (['ko', 'en'] as const)) {
      if (next !== lang) await setLanguage(lang, next);
      lang = next;
      await expect(chip).toHaveText(words[lang][state]);
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        for (const [width, height] of [
          [1024, 700],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.screenshot({ path: `${SCREENSHOTS}/chip-${state}-${theme}-${lang}-${width}x${height}.png` });
        }
        await page.getByRole('banner').screenshot({ path: `${SCREENSHOTS}/chip-header-${state}-${theme}-${lang}.png` });
      }
    }
  }
});
