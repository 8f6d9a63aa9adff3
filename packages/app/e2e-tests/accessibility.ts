import AxeBuilder from '@axe-core/playwright';
import { expect, Page, TestInfo } from '@playwright/test';

type Violation = Awaited<
  ReturnType<AxeBuilder['analyze']>
>['violations'][number];

/** The WCAG 2 success criteria every Stagelight page is checked against: levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa'];

/** One line per element axe-core flags: rule, impact, where, and what to fix. */
function describe(violations: Violation[]): string {
  return violations
    .flatMap(v =>
      v.nodes.map(
        n =>
          `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${
            n.failureSummary?.replace(/\s+/g, ' ') ?? v.help
          }`,
      ),
    )
    .join('\n');
}

/**
 * Runs axe-core's WCAG 2 A and AA rules on what `include` selects (the
 * whole page by default), attaches the full results to the test report and
 * fails with one line per violation.
 */
export async function expectAccessible(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { include?: string } = {},
) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(describe(results.violations), `axe-core on ${name}`).toBe('');
}
