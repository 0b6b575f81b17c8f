import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import type { RequestRecord } from '../../../electron/core/demo/types.js';
import { startHostProcess, type HostProcess } from '../host-process.js';

/**
 * Two fake providers behind one browser host, so a spec can tell where a job
 * went: `apimart` answers as APIMart (APIMART_BASE_URL, checks the key), `demo`
 * stands in for the built-in demo provider (KEYFRAME_DEMO_BASE_URL).
 * Locators go by role and accessible name, in the page's language.
 */

export const LIVE_KEY = 'sk-e2e-live-key-5b2e81';

export interface LiveRig {
  apimart: FakeApimart;
  demo: FakeApimart;
  host: HostProcess;
  stop(): Promise<void>;
}

export interface LiveRigOptions {
  /** A key already saved before start; none = a first run. */
  key?: string;
  balanceUsd?: number;
  /** settings.json as an earlier run left it (missing settings take their defaults). */
  settings?: Record<string, unknown>;
  /** Fills the data folder before the host starts (e.g. jobs journaled by earlier runs). */
  prepare?: (dirs: { dataDir: string }) => void;
}

export async function startLiveRig(page: Page, opts: LiveRigOptions = {}): Promise<LiveRig> {
  const progress = { mode: 'time', durationMs: 2000 } as const;
  const apimart = await startFakeApimart({ apiKey: LIVE_KEY, progress, ...(opts.balanceUsd === undefined ? {} : { balanceUsd: opts.balanceUsd }) });
  const demo = await startFakeApimart({ apiKey: null, progress });
  const settings = opts.settings;
  const host = await startHostProcess({
    ...(opts.key ? { key: opts.key } : {}),
    apiBaseUrl: apimart.apiUrl,
    demoBaseUrl: demo.apiUrl,
    prepare: ({ dataDir }: { dataDir: string }) => {
      if (settings) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
      opts.prepare?.({ dataDir });
    },
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Keyframe' })).toBeVisible();
  return {
    apimart,
    demo,
    host,
    async stop() {
      await host.stop();
      await apimart.close();
      await demo.close();
    },
  };
}

const NAV = { en: { studio: 'Studio', settings: 'Settings' }, ko: { studio: '스튜디오', settings: '설정' } } as const;

/** The header's DEMO / LIVE chip (whole words: the Library tab is 라이브러리 in Korean). */
export function providerChip(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^(DEMO|LIVE|데모|라이브)( · .*)?$/ });
}

export async function goTo(page: Page, view: 'studio' | 'settings', lang: 'en' | 'ko' = 'en'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: NAV[lang][view], exact: true }).click();
}

/** The activity drawer's rows (the drawer must be open: see openActivity). */
export function jobItems(page: Page, lang: 'en' | 'ko' = 'en'): Locator {
  return page.getByRole('region', { name: lang === 'en' ? 'Activity' : '작업 현황', exact: true }).getByRole('listitem');
}

/** Requests a fake received on a route, e.g. the balance or the submit. */
export function requestsTo(fake: FakeApimart, path: string): RequestRecord[] {
  return fake.stats.apiRequests.filter((r) => r.path.startsWith(path));
}
