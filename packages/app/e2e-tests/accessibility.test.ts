import { test, expect, Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { signIn } from './support';

// Every Stagelight page and the dialogs a lead opens, checked by axe-core
// against WCAG 2 A and AA. Runs first (files run in name order): it opens
// dialogs and cancels them, so the demo fleet is left as seeded.

/** A clinic's Stages tab: the stage board, the pipeline and the history, loaded. */
async function openStagesTab(page: Page, clinic: string) {
  await page.goto(`/catalog/default/system/${clinic}/stagelight`);
  await expect(
    page
      .getByRole('table')
      .first()
      .getByRole('row', { name: /^Power/ }),
  ).toBeVisible();
  // The history: its table, or on a fresh demo fleet that there is none yet.
  await expect(
    page
      .getByRole('table', { name: `History of ${clinic}` })
      .or(page.getByRole('heading', { name: 'No history yet' })),
  ).toBeVisible();
}

test.describe('WCAG 2 A and AA (axe-core)', () => {
  test('the fleet page', async ({ page }, testInfo) => {
    await signIn(page, 'Lee Lead');
    await page.goto('/stagelight');
    await expect(
      page.getByRole('table', { name: 'Environments of all clinics' }),
    ).toBeVisible();
    await expect(page.getByText(/Awake now: \d+ of \d+/)).toBeVisible();
    await expectAccessible(page, testInfo, 'fleet');
  });

  test("a clinic's Stages tab: stage board, pipeline and history", async ({
    page,
  }, testInfo) => {
    await signIn(page, 'Lee Lead');
    await openStagesTab(page, 'northside');
    await expectAccessible(page, testInfo, 'stages-tab');
  });

  test('the wake dialog and the schedule editor', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'Lee Lead');
    // The seed leaves northside/test asleep, so a lead may wake it.
    await openStagesTab(page, 'northside');
    const actions = page
      .getByRole('table')
      .first()
      .getByRole('row', { name: /^Actions/ })
      .getByRole('cell');

    await actions.nth(1).getByRole('button', { name: 'Wake' }).click();
    const wake = page.getByRole('dialog', { name: 'Wake northside/test' });
    await expect(wake.getByLabel('Reason')).toBeVisible();
    await expectAccessible(page, testInfo, 'wake-dialog');
    await wake.getByRole('button', { name: 'Cancel' }).click();
    await expect(wake).toBeHidden();

    await page
      .getByRole('table')
      .first()
      .getByRole('row', { name: /^Lease and schedule/ })
      .getByRole('cell')
      .nth(0)
      .getByRole('button', { name: 'Edit schedule' })
      .click();
    const editor = page.getByRole('dialog');
    await expect(editor).toBeVisible();
    await expectAccessible(page, testInfo, 'schedule-editor');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeHidden();
  });

  test('the cost page', async ({ page }, testInfo) => {
    await signIn(page, 'Max Manager');
    await page.goto('/stagelight/cost');
    await expect(
      page.getByRole('table', { name: /by stage$/ }).first(),
    ).toBeVisible();
    await expect(page.getByText(/^Daily cost of/).first()).toBeVisible();
    // With a forecast's technical details open.
    const forecast = page.getByRole('table', {
      name: 'Forecast of this month by stage',
    });
    await forecast
      .getByRole('button', { name: 'Details of the dev forecast' })
      .click();
    await expect(
      forecast.getByRole('button', {
        name: 'Hide details of the dev forecast',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page, testInfo, 'cost');
  });

  test('the audit page', async ({ page }, testInfo) => {
    await signIn(page, 'Lee Lead');
    await page.goto('/stagelight/audit');
    // Its table, or on a fresh demo fleet that nothing was changed yet.
    await expect(
      page
        .getByRole('table', { name: 'Audit trail of the fleet' })
        .or(page.getByRole('heading', { name: 'No audit records yet' })),
    ).toBeVisible();
    await expectAccessible(page, testInfo, 'audit');
  });
});

/**
 * Reads on a 1280 px laptop without sideways scrolling (WCAG 1.4.10 asks the
 * same at 320 px for text): no table container is wider inside than it shows,
 * and the table's last column is on screen.
 */
async function expectFitsWidth(page: Page, tableName: string | RegExp) {
  const table = page.getByRole('table', { name: tableName });
  await expect(table).toBeVisible();
  const overflow = await table.evaluate(el => {
    const found: string[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (node.scrollWidth > node.clientWidth + 1) {
        found.push(
          `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}: ${
            node.scrollWidth
          } > ${node.clientWidth}`,
        );
      }
      if (node.tagName === 'MAIN') break;
    }
    return found;
  });
  expect(overflow, `containers of ${tableName} scroll sideways`).toEqual([]);
  const lastHeader = table.getByRole('columnheader').last();
  await expect(lastHeader).toBeInViewport();
  const box = await lastHeader.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
}

test.describe('a 1280×800 laptop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the fleet table fits without sideways scrolling', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'Lee Lead');
    await page.goto('/stagelight');
    await expect(page.getByText(/Awake now: \d+ of \d+/)).toBeVisible();
    await expectFitsWidth(page, 'Environments of all clinics');
    await page.screenshot({
      path: testInfo.outputPath('fleet-1280.png'),
      fullPage: true,
    });
  });

  test('the stage board fits without sideways scrolling', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'Lee Lead');
    await openStagesTab(page, 'northside');
    await expectFitsWidth(page, /^Stages of/);
    await page.screenshot({
      path: testInfo.outputPath('stage-board-1280.png'),
      fullPage: true,
    });
  });
});
