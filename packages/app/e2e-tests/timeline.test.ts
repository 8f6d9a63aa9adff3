import { test, expect } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { signIn } from './support';

const STAGES = ['dev', 'test', 'staging', 'prod'];
const BOARD = '/catalog/default/system/harbor-view/stagelight';

// Reads only: whatever other tests woke or slept shows as markers, and every
// stage has been recorded since the portal's first status refresh.
test("a lead sees the power timeline of a clinic's stages on its board", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, 'Lee Lead');
  const timeline = page.getByRole('region', {
    name: 'Power timeline of harbor-view',
  });
  // Right after start-up the catalog may not have the clinic yet, and the
  // history starts at the first refresh: open the board again until both are there.
  await expect(async () => {
    await page.goto(BOARD);
    await expect(timeline).toBeVisible({ timeout: 15_000 });
    for (const stage of STAGES) {
      const row = timeline.getByTestId(`timeline-harbor-view-${stage}`);
      await expect(row.locator('[data-band]').first()).toBeAttached({
        timeout: 5_000,
      });
    }
  }).toPass({ timeout: 180_000 });

  for (const stage of STAGES) {
    const row = timeline.getByTestId(`timeline-harbor-view-${stage}`);
    await expect(row.getByRole('heading', { name: stage })).toBeVisible();
    // The text alternative: hours of the week, the schedule, the cost.
    await expect(
      row.getByRole('img', {
        name: new RegExp(`^${stage}: awake [\\d.]+ h of 168 h this week`),
      }),
    ).toBeVisible();
    // Lee Lead reads cost: the cost per day beside the timeline.
    await expect(
      row.getByRole('img', { name: new RegExp(`^${stage}: cost per day, `) }),
    ).toBeVisible();
  }
  await expect(
    timeline
      .getByTestId('timeline-harbor-view-prod')
      .getByText(/protected, never put to sleep/),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'power-timeline', {
    include: '[aria-label="Power timeline of harbor-view"]',
  });

  await timeline.scrollIntoViewIfNeeded();
  await timeline.screenshot({
    path: testInfo.outputPath('power-timeline.png'),
  });
});
