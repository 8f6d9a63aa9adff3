import { test, expect } from '@playwright/test';
import { expectedPower, localEnvironments, signIn } from './support';

test('the fleet page lists every environment of local AWS', async ({
  page,
}, testInfo) => {
  const environments = await localEnvironments();
  const awake = (await Promise.all(environments.map(expectedPower))).filter(
    p => p === 'Awake',
  ).length;
  await signIn(page);
  await page.getByRole('link', { name: 'Stagelight', exact: true }).click();
  await expect(page).toHaveURL(/\/stagelight$/);

  const table = page.getByRole('table', {
    name: 'Environments of all clinics',
  });
  await expect(table.getByRole('row')).toHaveCount(environments.length + 1);
  for (const { clinic, stage } of environments) {
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: clinic })
        .filter({ hasText: stage }),
    ).not.toHaveCount(0);
  }
  // The count comes from the backend's snapshot, which catches up with local
  // AWS on its next refresh; the page re-reads it only every 30 s with
  // signals, so reload until it agrees (or the refresh never comes).
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText(
        `Awake now: ${awake} of ${environments.length} environments`,
      ),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await page.screenshot({
    path: testInfo.outputPath('fleet.png'),
    fullPage: true,
  });
});
