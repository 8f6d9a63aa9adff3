import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.chromium';

/**
 * The adopter apps' end-to-end tests: the same specs for every fixture, run by
 * scripts/adopters.sh against the app it built and started (ADOPTER_URL, the
 * backend serving the built frontend) with local AWS on 127.0.0.1:4566, in
 * the same installed Chromium as the portal's tests.
 */
const fixture = process.env.ADOPTER_FIXTURE ?? 'adopter';
const output = process.env.ADOPTER_OUTPUT ?? `../.tools/adopters/${fixture}`;

export default defineConfig({
  testDir: 'e2e-tests',
  // Waits until the app's catalog holds the demo clinics.
  globalSetup: './e2e-tests/globalSetup.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: `${output}/results.json` }]],
  outputDir: `${output}/test-results`,
  use: {
    baseURL: process.env.ADOPTER_URL ?? 'http://localhost:7107',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
});
