import { expect, test, type Page } from '@playwright/test';
import { openView, SCREENSHOTS, startRig, type Rig } from './support/queue-helpers.js';

/** Settings from the page: a write-only key, its test, the live file-name preview, field-named errors, language and theme. */

let rig: Rig | undefined;
test.afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function openSettings(page: Page): Promise<void> {
  await openView(page, 'settings');
  await expect(page.locator('#settings-title')).toBeVisible();
}

test('a saved key is never shown back, and "Test key" shows the balance', async ({ page }) => {
  rig = await startRig(page, { apiKey: null, balanceUsd: 12.5 });
  await openSettings(page);
  await expect(page.getByTestId('key-status')).toHaveText(/A key is saved, kept in a plain owner-only file/);

  const field = page.getByLabel('API key');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(field).toHaveValue('');
  await field.fill('sk-e2e-replacement-key-42');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText('Key saved.')).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('sk-e2e-replacement-key-42');

  await page.getByRole('button', { name: 'Test key' }).click();
  await expect(page.getByText('The key works. Balance: $12.50.')).toBeVisible();

  await page.getByRole('button', { name: 'Remove key' }).click();
  await expect(page.getByTestId('key-status')).toHaveText('No key is saved.');
});

test('the file-name template previews live, refuses bad tokens, and saves', async ({ page }) => {
  rig = await startRig(page);
  await openSettings(page);
  const template = page.getByLabel('File name template');
  const preview = page.getByTestId('template-preview');
  await expect(preview).toHaveText(/^Preview: \d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_a-paper-boat-drifting-down-a\.mp4$/);

  await template.fill('{model}_{res}_{seed}');
  await expect(preview).toHaveText('Preview: fast_1080p_421337.mp4');
  await template.fill('{model}_{nope}');
  await expect(preview).toContainText('Unknown token {nope}');
  await expect(template).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save template' })).toBeDisabled();

  await template.fill('{date}_{aspect}_{prompt}');
  await expect(preview).toHaveText(/_16x9_a-paper-boat/);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('File name template')).toHaveValue('{date}_{aspect}_{prompt}');
});

test('an error from main names its field', async ({ page }) => {
  rig = await startRig(page);
  await openSettings(page);
  await page.getByLabel('Output folder', { exact: true }).fill('relative/videos');
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Output folder: Choose the output folder by its full path\./);
});

test('language and theme switch the whole UI; screenshots in light/dark × en/ko', async ({ page }) => {
  rig = await startRig(page);
  await openSettings(page);
  const language = page.getByLabel('Language');
  await language.selectOption('ko');
  await expect(page.locator('#settings-title')).toHaveText('설정');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByLabel('언어')).toHaveValue('ko');
  await expect(page.getByRole('button', { name: '키 테스트' })).toBeVisible();

  for (const lang of ['ko', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.locator('#settings-theme').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.screenshot({ path: `${SCREENSHOTS}/settings-${theme}-${lang}.png`, fullPage: true });
    }
    if (lang === 'ko') {
      await page.locator('#settings-language').selectOption('en');
      await expect(page.locator('#settings-title')).toHaveText('Settings');
    }
  }
  // The choice is main's: it survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
