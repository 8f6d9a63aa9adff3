import { test, expect } from '@playwright/test';
import { signIn } from './support';

// harbor-view/staging as the seed left it: asleep, never woken, no schedule.
// No other test wakes it (power.test.ts wakes harbor-view/dev).

test('a lead sees cost and how long a wake takes on the stage board', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, 'Lee Lead');
  const board = page.getByRole('table', { name: 'Stages of harbor-view' });
  // Run alone, this test can be first: the catalog lists the clinic after its first pass.
  await expect(async () => {
    await page.goto('/catalog/default/system/harbor-view/stagelight');
    await expect(board).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  const cells = (row: string) =>
    board.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell');
  // Columns in promotion order: dev, test, staging, prod.
  const staging = 2;
  await expect(cells('Power').nth(staging)).toHaveText('Asleep');

  // Cost from the demo's Cost Explorer data, one answer for the whole clinic
  // (on a month's first day, before any of it is billed, the last 30 days).
  const cost = cells('Cost').nth(staging);
  await expect(cost).toContainText(
    /\$[\d,]+\.\d\d (this month|in the last 30 days)/,
  );
  await expect(cost).toContainText(/Asleep saves about \$[\d,]+\.\d\d a day/);
  await expect(cost).toContainText(/\$[\d,]+\.\d\d an awake hour/);
  // Prod is never put to sleep: its cost, and no savings.
  await expect(cells('Cost').nth(3)).toContainText(
    /this month|in the last 30 days/,
  );
  await expect(cells('Cost').nth(3)).not.toContainText('Asleep saves');

  // Never woken: nothing to go by yet. No schedule and no lease: said once.
  await expect(cells('Wake time').nth(staging)).toHaveText(
    'No wake history yet',
  );
  const plan = cells('Lease and schedule').nth(staging);
  await expect(plan).toContainText(
    'No schedule — Stagelight leaves it as it is.',
  );
  await expect(plan).not.toContainText('Next:');

  await cells('Actions')
    .nth(staging)
    .getByRole('button', { name: 'Wake' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Wake harbor-view/staging' });
  await dialog.getByLabel('Reason').fill('e2e: check the board after a wake');
  await dialog.getByRole('button', { name: 'Wake' }).click();
  await expect(dialog).toBeHidden();
  await expect(cells('Actions').nth(staging).getByRole('status')).toContainText(
    'Wake succeeded',
    { timeout: 180_000 },
  );

  // The wake is history now: the board says what to expect next time.
  await expect(cells('Wake time').nth(staging)).toContainText(
    /^Usually ready in (under a minute|about \d+ min)median of the last 1 wake$/,
    { timeout: 30_000 },
  );
  // The lease the wake took, once, with its end and its holder.
  await expect(plan).toContainText(
    /Awake until \d\d:\d\d .+, in \d+ h( \d+ min)? \(lease by lee\.lead: e2e: check the board after a wake\)/,
  );
  await expect(plan).toContainText(
    'No schedule — Stagelight leaves it as it is.',
  );

  // Deploy markers are shortened in the middle, whole on hover.
  const readiness = cells('Readiness').nth(0);
  const marker = readiness.locator('[title]').first();
  await expect(marker).toHaveText(/^\d{4}-\d\d-\d\d….{5}$/);
  await expect(marker).toHaveAttribute(
    'title',
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ-[0-9a-f]+$/,
  );
  await expect(
    readiness.getByRole('button', { name: /^Copy deploy marker / }).first(),
  ).toBeVisible();

  await board.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('stage-board-lead.png'),
    fullPage: true,
  });
});
