import { expect, test } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { setPreferences } from './support/compose-preferences.js';
import { writeLibrary } from './support/library-fixture.js';
import { openLibrary } from './support/library-page.js';
import { fixtureId, setFamily } from './support/lineage-fixture.js';
import { activityDrawer, openActivity } from './support/studio-page.js';

/**
 * Screenshots of the Lineage tab in the Studio's viewer, on a clip with a
 * whole family: the clip it continues, two earlier continuations and one made
 * here ("Continue from last frame", generated), and another take of its shot.
 * Light/dark × en/ko at 1024×700 and 1920×1080, under test-results/screenshots/ (not committed).
 */

const TEST_KEY = 'sk-e2e-lineage-shots-90d1';
const SHOT = { key: 'sweep-harbour' };

let fake: FakeApimart | undefined;
let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

test('the Lineage tab in light and dark, English and Korean', async ({ page }) => {
  test.setTimeout(180_000);
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({
    key: TEST_KEY,
    apiBaseUrl: fake.apiUrl,
    prepare: ({ dataDir, outDir }) => {
      writeLibrary(outDir, { count: 5, postersIn: `${dataDir}/posters` });
      setFamily(outDir, 4, { prompt: 'A paper boat is folded on a wooden table by lamplight' });
      setFamily(outDir, 0, { prompt: 'A paper boat drifting down a rainy street at dusk, cinematic', lineage: { parentId: fixtureId(4), frame: 'last' }, shot: { ...SHOT, firstTake: 1 } });
      setFamily(outDir, 3, { prompt: 'A paper boat drifting down a rainy street at dusk, cinematic', shot: { ...SHOT, firstTake: 2 } });
      setFamily(outDir, 1, { prompt: 'The boat reaches the harbour as the rain stops', lineage: { parentId: fixtureId(0), frame: 'last' } });
      setFamily(outDir, 2, { prompt: 'A gust lifts the boat over a storm drain', lineage: { parentId: fixtureId(0), frame: 3.5 } });
    },
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(host.url);

  // A continuation made here, so the clip has a child in the feed to open it from.
  await openLibrary(page);
  await page.locator(`.lib-scroll [data-video-id="${fixtureId(0)}"]`).click();
  await page.getByRole('button', { name: 'Continue from last frame' }).click();
  await page.getByLabel('Prompt', { exact: true }).fill('The boat slips under a bridge into the dark canal');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await openActivity(page);
  await expect(page.locator('li.job').first()).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.getByRole('banner').getByRole('button', { name: 'Activity' }).click();
  await expect(activityDrawer(page)).toBeHidden();
  await page.locator('.feed-job [data-tile-state="clip"]').first().click();
  await page.getByRole('tab', { name: 'Lineage' }).click();
  await page.getByRole('region', { name: 'Continues' }).locator(`[data-video-id="${fixtureId(0)}"]`).click();
  const pane = page.locator(`.lib-details[data-video-id="${fixtureId(0)}"]`);
  await expect(pane.getByRole('region', { name: 'Continued by' }).getByRole('listitem')).toHaveCount(3);
  await expect(pane.getByRole('region', { name: 'Other takes of this shot' }).locator(`[data-video-id="${fixtureId(3)}"]`)).toContainText('Take 2 of 2');

  for (const language of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await setPreferences(page, { language, theme });
      for (const [width, height] of [
        [1024, 700],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        const panel = pane.getByRole('tabpanel');
        await expect(panel.locator('.lineage-item').first()).toBeVisible();
        await expect.poll(() => panel.locator('.lineage-item img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        await pane.getByRole('tablist').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: `test-results/screenshots/lineage-${width}x${height}-${theme}-${language}.png` });
      }
    }
  }
});
