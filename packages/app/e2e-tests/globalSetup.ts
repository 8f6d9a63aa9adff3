import { chromium, expect, FullConfig } from '@playwright/test';
import { signIn } from './support';

/**
 * Waits, once before the tests, until the portal serves what they start from:
 * the catalog has ingested the demo clinics (the stagelight entity provider
 * runs on a schedule after start-up) and a clinic's Stages tab shows its board.
 * Without it the first test can meet "Entity not found" on a fresh portal.
 */
export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    await signIn(page);
    await expect(async () => {
      await page.goto('/catalog/default/system/harbor-view/stagelight');
      await expect(
        page.getByRole('row', { name: /^Power/ }).first(),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 240_000, intervals: [2_000] });
  } finally {
    await browser.close();
  }
}
