import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs: the real UI in Chromium, talking to the real services
 * through the browser host, against the fake APIMart server.
 * Which Chromium: `KEYFRAME_CHROMIUM` if set; else the system's Chromium where
 * a Linux distribution installed one (CI installs Debian's, as no browser can be
 * downloaded there); else Playwright's own (`npx playwright install chromium`,
 * e.g. on macOS or Windows). The networking flags keep Chromium from flooding a
 * closed network with update and sync requests.
 *
 * Output goes to test-results/e2e (not test-results/ itself: Playwright empties
 * its outputDir at start, which would delete vitest's test-results/vitest.json).
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const executablePath = process.env.KEYFRAME_CHROMIUM ?? SYSTEM_CHROMIUM;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // One retry on CI only: a retried test is still reported as "flaky" (never silently green), but a
  // timing hiccup on a loaded 2-core runner does not block the whole submission.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
