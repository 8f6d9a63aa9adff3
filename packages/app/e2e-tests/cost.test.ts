import { test, expect } from '@playwright/test';
import { signIn } from './support';

test('a manager reviews cost per stage and clinic', async ({
  page,
}, testInfo) => {
  await signIn(page, 'Max Manager');
  await page.goto('/stagelight/cost');
  // The demo fleet's 90 days of Cost Explorer results, by stage and by clinic.
  const byStage = page.getByRole('table', {
    name: 'Month to date against last month by stage',
  });
  for (const stage of ['dev', 'test', 'staging', 'prod', 'Total']) {
    await expect(
      byStage.getByRole('row', { name: new RegExp(`^${stage} \\$`) }),
    ).toBeVisible();
  }
  const byClinic = page.getByRole('table', {
    name: 'Month to date against last month by clinic',
  });
  for (const clinic of ['harbor-view', 'lakeshore', 'northside']) {
    await expect(
      byClinic.getByRole('row', { name: new RegExp(`^${clinic} \\$`) }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: testInfo.outputPath('cost.png'),
    fullPage: true,
  });
});

test('a developer is told the cost page is for managers and leads', async ({
  page,
}) => {
  await signIn(page, 'Guest Developer');
  await page.goto('/stagelight/cost');
  await expect(page.getByText(/managers and leads/i).first()).toBeVisible();
});
