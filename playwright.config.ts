import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './playwright.chromium';

/**
 * End-to-end tests against the running portal (scripts/e2e.sh starts it with local
 * AWS, exactly as the README's first command does).
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  // Waits until the catalog holds the demo clinics (a fresh portal needs a moment).
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    ['json', { outputFile: '.tools/e2e-results.json' }],
  ],
  outputDir: 'e2e-test-results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
});
