import type { LaunchOptions } from '@playwright/test';

/**
 * How every Playwright run here starts Chromium (the portal's end-to-end tests
 * and the adopter apps'). Playwright cannot download browsers here, so it drives
 * an installed Chromium (Debian's by default, or CHROMIUM_PATH).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Without these Chromium keeps trying to reach Google's services, which this
  // network refuses, and a root user needs --no-sandbox.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
