import { test, expect } from '@playwright/test';
import { signIn } from './support';

// The demo fleet has Cost Explorer results up to yesterday. On the first day
// of a month none of it is billed yet: the page then compares the last 30
// days with last month instead of showing this month as zeros.
const COMPARISON =
  /^(Month to date against last month|Last 30 days and last month) by/;

test('a manager reviews cost per stage and clinic', async ({
  page,
}, testInfo) => {
  await signIn(page, 'Max Manager');
  await page.goto('/stagelight/cost');
  const byStage = page.getByRole('table', {
    name: new RegExp(`${COMPARISON.source} stage$`),
  });
  for (const stage of ['dev', 'test', 'staging', 'prod', 'Total']) {
    await expect(
      byStage.getByRole('row', { name: new RegExp(`^${stage} \\$`) }),
    ).toBeVisible();
  }
  const byClinic = page.getByRole('table', {
    name: new RegExp(`${COMPARISON.source} clinic$`),
  });
  for (const clinic of ['harbor-view', 'lakeshore', 'northside']) {
    await expect(
      byClinic.getByRole('row', { name: new RegExp(`^${clinic} \\$`) }),
    ).toBeVisible();
  }
  // Nothing is compared that cannot be: no "±0%" anywhere.
  await expect(page.getByText('±0%')).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('cost.png'),
    fullPage: true,
  });
});

test('the forecast explains itself in a plain sentence, with the technical reason behind Details', async ({
  page,
}) => {
  await signIn(page, 'Max Manager');
  await page.goto('/stagelight/cost');
  // Local AWS has no GetCostForecast: every stage falls back to the trend.
  const dev = page
    .getByRole('table', { name: 'Forecast of this month by stage' })
    .getByRole('row', { name: /^dev/ });
  await expect(dev).toContainText(
    "AWS's own forecast was not available, so this is the average daily cost of the last 14 days",
  );
  await expect(dev).not.toContainText('HTTP');
  await dev
    .getByRole('button', { name: 'Details of the dev forecast' })
    .click();
  await expect(dev).toContainText('GetCostForecast is unavailable');
});

test('a developer is told the cost page is for managers and leads', async ({
  page,
}) => {
  await signIn(page, 'Guest Developer');
  await page.goto('/stagelight/cost');
  await expect(page.getByText(/managers and leads/i).first()).toBeVisible();
});
