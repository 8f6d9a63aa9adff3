import { test, expect } from '@playwright/test';

// The demo fleet's clinics, as the seed creates them in local AWS and the
// Stagelight catalog module discovers them from their tags.
const DEMO_CLINICS = ['northside', 'harbor-view', 'lakeshore'];

test('a guest signs in and finds the demo clinics in the catalog', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();

  // Clinics are Systems in the catalog.
  await page.goto('/?filters%5Bkind%5D=system&filters%5Buser%5D=all');
  for (const clinic of DEMO_CLINICS) {
    await expect(page.getByRole('link', { name: clinic, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('catalog-clinics.png'), fullPage: true });
});
