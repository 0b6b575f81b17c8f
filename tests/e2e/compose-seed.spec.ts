import { expect, test } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../electron/core/demo/fake-apimart.js';
import { startHostProcess, type HostProcess } from './host-process.js';

/** A fixed seed can be cleared and retyped, and exactly that seed is sent. */

const TEST_KEY = 'sk-e2e-compose-seed-77c1';
let fake: FakeApimart | undefined;
let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  await fake?.close();
});

test('the seed box can be emptied mid-edit and the typed seed is the one submitted', async ({ page }) => {
  fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
  host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl });
  await page.goto(host.url);
  await page.getByRole('radio', { name: 'Fixed' }).check();
  const seed = page.locator('#seed');
  await seed.fill('');
  await expect(seed).toHaveValue('');
  await seed.pressSequentially('424242');
  await expect(seed).toHaveValue('424242');
  await page.getByLabel('Prompt').fill('A lantern drifting on a dark lake');
  await page.getByLabel('Prompt').press('Control+Enter');
  await expect.poll(() => fake?.stats.submitBodies.length).toBe(1);
  expect((fake.stats.submitBodies[0]?.body as { seed?: number }).seed).toBe(424242);
});
