import { test, expect } from '@playwright/test';
import {
  apiService,
  environmentOf,
  openStagesTab,
  signIn,
  stageColumn,
} from './support';

// The demo seed leaves harbor-view/dev asleep, and harbor-view is owned by
// group:default/radiology-leads, the group of each fixture's lead (org.yaml):
// the default Stagelight policy lets that lead wake it.
const CLINIC = 'harbor-view';
const STAGE = 'dev';

test('the lead wakes a sleeping environment and local AWS gets its desired count back', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const env = await environmentOf(CLINIC, STAGE);
  const before = await apiService(env);
  expect(before.desiredCount).toBe(0);
  expect(before.rememberedCount).toBeGreaterThan(0);

  await signIn(page);
  const board = await openStagesTab(page, CLINIC);
  const stageIndex = await stageColumn(board, STAGE);
  const power = board
    .getByRole('row', { name: /^Power/ })
    .getByRole('cell')
    .nth(stageIndex);
  await expect(power).toHaveText('Asleep');

  const actions = board
    .getByRole('row', { name: /^Actions/ })
    .getByRole('cell')
    .nth(stageIndex);
  await actions.getByRole('button', { name: 'Wake' }).click();
  const dialog = page.getByRole('dialog', { name: `Wake ${CLINIC}/${STAGE}` });
  await dialog
    .getByLabel('Reason')
    .fill('adopter e2e: wake from the registry build');
  await dialog.getByRole('button', { name: 'Wake' }).click();
  await expect(dialog).toBeHidden();

  await expect(actions.getByRole('status')).toContainText('Wake succeeded', {
    timeout: 240_000,
  });
  await expect(power).toHaveText('Awake', { timeout: 60_000 });
  const after = await apiService(env);
  expect(after.desiredCount).toBe(before.rememberedCount);
  await page.screenshot({
    path: testInfo.outputPath('wake.png'),
    fullPage: true,
  });
});
