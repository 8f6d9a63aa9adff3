import { test, expect } from '@playwright/test';
import { apiService, signIn } from './support';

// Runs after app.test.ts (files run in name order, one worker), which sees
// lakeshore as the seed left it. The demo seed tags lakeshore with
// group:default/cardiology-leads and harbor-view with
// group:default/radiology-leads (packages/local-aws/src/fleet/demoFleet.ts);
// Cara Lead is a lead in cardiology-leads.

test("a clinic's lead wakes its sleeping stage and may not wake another team's clinic", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // The seed leaves lakeshore/test asleep: its API scaled to 0, the count it
  // had remembered on the service.
  const before = await apiService('lakeshore', 'test');
  expect(before.desiredCount).toBe(0);
  expect(before.rememberedCount).toBeGreaterThan(0);

  await signIn(page, 'Cara Lead');
  // The clinic's System arrives once the catalog module has read the first
  // status refresh (app.test.ts waits for it too; this file may run alone).
  const board = page.getByRole('table').first();
  await expect(async () => {
    await page.goto('/catalog/default/system/lakeshore/stagelight');
    await expect(board).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  const power = board.getByRole('row', { name: /^Power/ }).getByRole('cell');
  await expect(power.nth(1)).toHaveText('Asleep');

  const actions = board
    .getByRole('row', { name: /^Actions/ })
    .getByRole('cell');
  const wake = actions.nth(1).getByRole('button', { name: 'Wake' });
  await expect(wake).toBeEnabled();
  await wake.click();
  const dialog = page.getByRole('dialog', { name: 'Wake lakeshore/test' });
  await dialog.getByLabel('Reason').fill('e2e: cardiology reviews a fix');
  await dialog.getByRole('button', { name: 'Wake' }).click();
  await expect(dialog).toBeHidden();

  await expect(actions.nth(1).getByRole('status')).toContainText(
    'Wake succeeded',
    { timeout: 180_000 },
  );
  await expect(power.nth(1)).toHaveText('Awake', { timeout: 60_000 });
  const after = await apiService('lakeshore', 'test');
  expect(after.desiredCount).toBe(before.rememberedCount);

  // harbor-view belongs to the radiology leads: its sleeping staging stays
  // asleep for Cara, and the board says why.
  await page.goto('/catalog/default/system/harbor-view/stagelight');
  const other = page.getByRole('table').first();
  await expect(
    other
      .getByRole('row', { name: /^Power/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('Asleep');
  const staging = other
    .getByRole('row', { name: /^Actions/ })
    .getByRole('cell')
    .nth(2);
  await expect(staging.getByRole('button', { name: 'Wake' })).toBeDisabled();
  await expect(staging).toContainText(
    'You are not allowed to wake harbor-view/staging',
  );
  await expect(staging).toContainText('group:default/radiology-leads');
  await page.screenshot({
    path: testInfo.outputPath('stage-board-of-another-team.png'),
    fullPage: true,
  });
});
