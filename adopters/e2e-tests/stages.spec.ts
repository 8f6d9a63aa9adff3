import { test, expect } from '@playwright/test';
import {
  expectedPower,
  localEnvironments,
  openStagesTab,
  signIn,
} from './support';

test("each clinic's Stages tab shows every stage's power state as local AWS has it", async ({
  page,
}, testInfo) => {
  const environments = await localEnvironments();
  const clinics = [...new Set(environments.map(e => e.clinic))];
  await signIn(page);

  for (const clinic of clinics) {
    const stages = environments.filter(e => e.clinic === clinic);
    const board = await openStagesTab(page, clinic);
    for (const { stage } of stages) {
      await expect(
        board.getByRole('columnheader', { name: new RegExp(`^${stage}`) }),
      ).toBeVisible();
    }
    const expected = await Promise.all(stages.map(expectedPower));
    await expect(
      board.getByRole('row', { name: /^Power/ }).getByRole('cell'),
    ).toHaveText(expected);
    await page.screenshot({
      path: testInfo.outputPath(`stages-${clinic}.png`),
      fullPage: true,
    });
  }
});
