import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO, startHostProcess, type HostProcess } from './host-process.js';
import { openLibrary } from './support/library-page.js';
import { openView, SCREENSHOTS } from './support/queue-helpers.js';

/**
 * Settings → Library folders through the browser host: the output folder is
 * listed and cannot be removed; a folder added by its full path is watched
 * and its videos show in the library; a relative path is refused by name;
 * removing the folder takes its videos out of the library and leaves the
 * files. Screenshots of the section at 1024×700, light/dark × en/ko.
 */

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const folders = (page: Page) => page.locator('ul.settings-folders > li');
const libraryCells = (page: Page) => page.locator('.lib-scroll [role="option"][data-video-id]');

async function openSettings(page: Page): Promise<void> {
  await openView(page, 'settings');
  await expect(page.locator('#settings-folders-title')).toBeVisible();
}

test('a folder added by path is watched and its videos listed; removing it takes them out again', async ({ page }) => {
  let extra = '';
  host = await startHostProcess({
    prepare: ({ outDir }) => {
      mkdirSync(outDir, { recursive: true });
      // A folder of clips made elsewhere (no Keyframe sidecars), with a space in its name.
      extra = join(dirname(outDir), 'Flow exports');
      mkdirSync(extra);
      copyFileSync(join(REPO, 'electron', 'core', 'demo', 'fixtures', 'clip-16x9-4s.mp4'), join(extra, 'harbour at dawn.mp4'));
    },
  });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await openSettings(page);

  await expect(folders(page)).toHaveCount(1);
  const output = folders(page).first();
  await expect(output.locator('code')).toHaveText(host.outDir);
  await expect(output).toHaveAttribute('data-folder-state', 'watching');
  await expect(output.locator('.settings-folder-tag')).toHaveText('Output folder');
  await expect(output.locator('.settings-folder-state')).toHaveText('watched');
  await expect(output.getByRole('button')).toHaveCount(0);

  const field = page.getByLabel('Folder to add');
  await field.fill('Videos/Flow');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await expect(page.getByRole('alert')).toContainText('A library folder must be a full path');
  await expect(folders(page)).toHaveCount(1);

  await field.fill(extra);
  await page.getByRole('button', { name: 'Add folder' }).click();
  await expect(folders(page)).toHaveCount(2);
  const added = folders(page).nth(1);
  await expect(added.locator('code')).toHaveText(extra);
  await expect(added).toHaveAttribute('data-folder-state', 'watching');
  await expect(field).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveCount(0);

  for (const lang of ['en', 'ko'] as const) {
    await page.locator('#settings-language').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(added.locator('.settings-folder-state')).toHaveText(lang === 'en' ? 'watched' : '감시 중');
    for (const theme of ['light', 'dark'] as const) {
      await page.locator('#settings-theme').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.locator('#settings-folders-title').evaluate((title) => title.parentElement?.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${SCREENSHOTS}/settings-folders-${theme}-${lang}.png` });
    }
  }
  await page.locator('#settings-language').selectOption('en');
  await page.locator('#settings-theme').selectOption('light');

  await openLibrary(page);
  await expect(libraryCells(page)).toHaveCount(1);
  await expect(libraryCells(page).first()).toContainText('harbour at dawn.mp4');

  await openSettings(page);
  await page.getByRole('button', { name: `Remove ${extra} from the library` }).click();
  await expect(folders(page)).toHaveCount(1);
  await openLibrary(page);
  await expect(libraryCells(page)).toHaveCount(0);

  // Remembered: a reload lists only the output folder.
  await page.reload();
  await openSettings(page);
  await expect(folders(page)).toHaveCount(1);
});
