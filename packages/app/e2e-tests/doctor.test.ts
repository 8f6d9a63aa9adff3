import { test, expect } from '@playwright/test';
import { signIn } from './support';

/**
 * The demo portal (app-config.yaml) reads the main account, where local AWS
 * holds the demo fleet, and a deliberately misconfigured spoke,
 * 999999999999, whose role cannot be assumed (its web identity token file
 * does not exist).
 */
test("a platform admin sees each account's answer, the misconfigured one with its error", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'Lee Lead');
  await page.goto('/stagelight/doctor');
  const sentences = page.getByTestId('doctor-account-sentence');
  await expect(sentences).toHaveCount(2);
  // The demo fleet: 3 clinics x 4 stages in the main account.
  await expect(
    sentences.filter({
      hasText:
        /^The main account us-east-1: reached with the main credentials; \d+ tagged resources in 12 environments/,
    }),
  ).toBeVisible();
  await expect(
    sentences.filter({
      hasText:
        /^Account 999999999999 us-east-1: role stagelight-spoke could not be assumed: .*demo-missing-token/,
    }),
  ).toBeVisible();
  // Details for an admin: each permission of the reachable account.
  await expect(
    page.getByRole('table', {
      name: 'Permissions in The main account us-east-1',
    }),
  ).toBeVisible();
  // moto does not implement ce:ListCostAllocationTags: said, not faked.
  await expect(
    page.getByText(/^Could not check the cost allocation tags: /),
  ).toBeVisible();
  // The demo's awake environments answer once their simulated APIs have warmed
  // up (the asleep ones never do); the doctor reuses an examination for 30 s.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText(
        /^[1-9]\d* of 12 environments answer at their readiness URL/,
      ),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 100_000 });
  await page.screenshot({
    path: testInfo.outputPath('doctor.png'),
    fullPage: true,
  });
});

test('a developer sees the summary without the details', async ({ page }) => {
  await signIn(page, 'Guest Developer');
  await page.goto('/stagelight/doctor');
  await expect(
    page.getByTestId('doctor-account-sentence').filter({
      hasText:
        /^Account 999999999999 us-east-1: the account could not be reached: /,
    }),
  ).toBeVisible();
  await expect(page.getByText(/shown to platform admins/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: /^Permissions in/ }),
  ).toHaveCount(0);
});
