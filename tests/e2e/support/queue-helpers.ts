import { expect, type Locator, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import type { FakeApimartOptions } from '../../../electron/core/demo/types.js';
import { startHostProcess, type HostProcess, type HostProcessOptions } from '../host-process.js';
import { openActivity } from './studio-page.js';

/** Shared set-up for the queue and settings specs: a fake APIMart, a browser host with a key, the page open. */

export const TEST_KEY = 'sk-e2e-test-key-7c1d9a';

export interface Rig {
  fake: FakeApimart;
  host: HostProcess;
  stop(): Promise<void>;
}

export async function startRig(page: Page, fakeOptions: FakeApimartOptions = {}, hostOptions: Pick<HostProcessOptions, 'locale' | 'prepare'> = {}): Promise<Rig> {
  const fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'time', durationMs: 2500 }, ...fakeOptions });
  const host = await startHostProcess({ key: TEST_KEY, apiBaseUrl: fake.apiUrl, ...hostOptions });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Keyframe' })).toBeVisible();
  return {
    fake,
    host,
    async stop() {
      await host.stop();
      await fake.close();
    },
  };
}

/** Types a prompt in the prompt bar and sends it with Ctrl+Enter, as a person would; returns its row in the activity drawer. */
export async function submitPrompt(page: Page, prompt: string): Promise<Locator> {
  const field = page.getByLabel('Prompt', { exact: true });
  await field.fill(prompt);
  await field.press('Control+Enter');
  await openActivity(page);
  const row = jobRow(page, prompt);
  await expect(row).toBeVisible();
  return row;
}

/** The activity drawer's row whose prompt starts with `prompt` (the drawer must be open). */
export function jobRow(page: Page, prompt: string): Locator {
  return page.locator('section.queue li.job').filter({ has: page.locator('.job-prompt', { hasText: prompt.slice(0, 40) }) });
}

export async function openView(page: Page, view: 'studio' | 'library' | 'settings'): Promise<void> {
  await page.locator(`nav button[data-nav="${view}"]`).click();
}

/** Console errors and page errors: the page must run clean. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

export const SCREENSHOTS = 'test-results/screenshots';
