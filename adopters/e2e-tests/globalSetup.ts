import { chromium, expect, FullConfig } from '@playwright/test';
import { localEnvironments, signIn } from './support';

/**
 * Waits, once before the tests, until the app serves what they start from: the
 * catalog has ingested a clinic from local AWS (the Stagelight catalog module
 * reads the backend's first snapshot on its schedule) and its Stages tab shows
 * the board. Without it the first test could meet "Entity not found".
 */
export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const [first] = await localEnvironments();
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    await signIn(page);
    await expect(async () => {
      await page.goto(`/catalog/default/system/${first.clinic}/stagelight`);
      await expect(
        page.getByRole('row', { name: /^Power/ }).first(),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 300_000, intervals: [2_000] });
  } finally {
    await browser.close();
  }
}
