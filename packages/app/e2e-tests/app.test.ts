import { test, expect } from '@playwright/test';
import { signIn } from './support';

// The demo fleet's clinics, as the seed creates them in local AWS and the
// Stagelight catalog module discovers them from their tags.
const DEMO_CLINICS = ['northside', 'harbor-view', 'lakeshore'];

test('a guest signs in and finds the demo clinics in the catalog', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page);

  // Clinics are Systems in the catalog. They arrive once the backend's first
  // status refresh is done and the catalog module has read it.
  await expect(async () => {
    await page.goto('/?filters%5Bkind%5D=system&filters%5Buser%5D=all');
    for (const clinic of DEMO_CLINICS) {
      await expect(
        page.getByRole('link', { name: clinic, exact: true }),
      ).toBeVisible({ timeout: 5_000 });
    }
  }).toPass({ timeout: 120_000 });
  await page.screenshot({
    path: testInfo.outputPath('catalog-clinics.png'),
    fullPage: true,
  });
});

test('the stage board shows each stage of a clinic as local AWS has it', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.goto('/catalog/default/system/northside/stagelight');

  const board = page.getByRole('table').first();
  for (const stage of ['dev', 'test', 'staging', 'prod']) {
    await expect(
      board.getByRole('columnheader', { name: new RegExp(`^${stage}`) }),
    ).toBeVisible();
  }
  // The seed leaves northside/test asleep (0 tasks, database stopped) and dev awake
  // and serving the marker its task definition carries.
  const power = board.getByRole('row', { name: /^Power/ });
  await expect(power.getByRole('cell')).toHaveText([
    'Awake',
    'Asleep',
    'Awake',
    'Awake',
  ]);
  const readiness = board.getByRole('row', { name: /^Readiness/ });
  await expect(readiness.getByRole('cell').nth(0)).toContainText('Ready');
  await expect(readiness.getByRole('cell').nth(1)).toContainText('Asleep');
  await expect(page.getByText('2 messages in the DLQ')).toBeVisible();

  // The guest is a developer: it may look, not act. Production offers no sleep at all.
  const actions = board
    .getByRole('row', { name: /^Actions/ })
    .getByRole('cell');
  await expect(
    actions.nth(1).getByRole('button', { name: 'Wake' }),
  ).toBeDisabled();
  await expect(actions.nth(1)).toContainText('only leads can');
  await expect(actions.nth(3).getByRole('button')).toHaveCount(0);
  await expect(actions.nth(3)).toContainText('Protected: never put to sleep');
  await page.screenshot({
    path: testInfo.outputPath('stage-board.png'),
    fullPage: true,
  });
});

test('the fleet page lists every clinic and stage and filters by power state', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Stagelight', exact: true }).click();

  await expect(page.getByText('Awake now: 8 of 12 environments')).toBeVisible();
  const rows = page
    .getByRole('table', { name: 'Environments of all clinics' })
    .getByRole('row');
  await expect(rows).toHaveCount(13); // header + 3 clinics x 4 stages
  await page.screenshot({
    path: testInfo.outputPath('fleet.png'),
    fullPage: true,
  });

  await page.getByLabel('Power state').selectOption('asleep');
  await expect(rows).toHaveCount(5);
});
