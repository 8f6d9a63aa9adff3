import { test, expect } from '@playwright/test';
import { apiService, signIn } from './support';

// Runs after app.test.ts (files run in name order, one worker): the fleet counts
// there are those of the freshly seeded demo fleet, before this wake.

test('a lead wakes a sleeping dev environment and local AWS gets its tasks back', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // The seed leaves harbor-view/dev asleep: its API scaled to 0, the count it had
  // remembered on the service.
  const before = await apiService('harbor-view', 'dev');
  expect(before.desiredCount).toBe(0);
  expect(before.rememberedCount).toBeGreaterThan(0);

  await signIn(page, 'Lee Lead');
  await page.goto('/catalog/default/system/harbor-view/stagelight');
  const board = page.getByRole('table').first();
  const power = board.getByRole('row', { name: /^Power/ }).getByRole('cell');
  await expect(power.nth(0)).toHaveText('Asleep');

  const actions = board
    .getByRole('row', { name: /^Actions/ })
    .getByRole('cell');
  await actions.nth(0).getByRole('button', { name: 'Wake' }).click();
  const dialog = page.getByRole('dialog', { name: 'Wake harbor-view/dev' });
  await dialog.getByLabel('Reason').fill('e2e: review the new upload flow');
  await dialog.getByRole('button', { name: 'Wake' }).click();
  await expect(dialog).toBeHidden();

  // Live progress, then the result, then the board shows the stage awake.
  await expect(actions.nth(0).getByRole('status')).toContainText(
    'Wake succeeded',
    { timeout: 180_000 },
  );
  await expect(power.nth(0)).toHaveText('Awake', { timeout: 60_000 });
  const after = await apiService('harbor-view', 'dev');
  expect(after.desiredCount).toBe(before.rememberedCount);

  // The wake is in the environment's history with who asked and why.
  await expect(
    page.getByText('e2e: review the new upload flow').first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('stage-board-after-wake.png'),
    fullPage: true,
  });

  // And in the fleet's audit trail.
  await page.goto('/stagelight');
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const audit = page.getByRole('table', { name: 'Audit trail of the fleet' });
  await expect(
    audit.getByRole('row', { name: /e2e: review the new upload flow/ }).first(),
  ).toContainText('harbor-view');
});
