import { test, expect } from '@playwright/test';
import { signIn } from './support';

// A half install: the frontend plugin without the backend plugin. The browser
// gets, for every /api/stagelight request, exactly what this app's backend
// answers for an /api/ path no plugin serves.
test('without the backend plugin the fleet page names what is missing', async ({
  page,
}, testInfo) => {
  const unserved = await page.request.get(
    '/api/stagelight-not-installed/environments',
  );
  expect(unserved.status()).toBe(404);
  const notFound = {
    status: unserved.status(),
    headers: unserved.headers(),
    body: await unserved.body(),
  };
  await page.route('**/api/stagelight/**', route => route.fulfill(notFound));

  await signIn(page);
  await page.getByRole('link', { name: 'Stagelight', exact: true }).click();
  await expect(
    page.getByText('The Stagelight backend plugin is not installed').first(),
  ).toBeVisible();
  await expect(
    page
      .getByText(
        "backend.add(import('@stagelight/backstage-plugin-stagelight-backend'));",
      )
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('missing-backend.png'),
    fullPage: true,
  });
});
