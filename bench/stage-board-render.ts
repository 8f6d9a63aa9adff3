/**
 * Time to first render of the stage board on the demo fleet (not a test).
 * Needs the portal running (`./scripts/start.sh`). Signs in as the demo guest,
 * then loads a clinic's Stages tab BENCH_LOADS times (first with an empty browser
 * cache, then warm) and prints, per load, the time from navigation start until the
 * board shows every stage's power state, and the part of it spent before the
 * page's first byte.
 *
 *   yarn tsx bench/stage-board-render.ts          # the dev server on :3000
 *   BENCH_LOADS=20 BENCH_CLINIC=lakeshore yarn tsx bench/stage-board-render.ts
 *
 * For the production bundle, build it first (`yarn workspace app build`): the
 * backend then serves it too, so `PLAYWRIGHT_URL=http://localhost:7007` measures it.
 */
import { chromium } from '@playwright/test';

const BASE = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
const CLINIC = process.env.BENCH_CLINIC ?? 'northside';
const LOADS = Number(process.env.BENCH_LOADS ?? 10);

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(BASE);
    await page
      .getByRole('button', { name: 'Sign in as Guest Developer' })
      .click();
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .waitFor();

    const url = `${BASE}/catalog/default/system/${CLINIC}/stagelight`;
    const results: { total: number; firstByte: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      if (i === 0) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
      }
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit' });
      const power = page
        .getByRole('table')
        .first()
        .getByRole('row', { name: /^Power/ })
        .getByRole('cell');
      await power
        .last()
        .filter({ hasText: /Awake|Asleep|Partly|Unknown/ })
        .waitFor();
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType(
          'navigation',
        )[0] as PerformanceNavigationTiming;
        return { now: performance.now(), firstByte: nav.responseStart };
      });
      results.push({ total: timing.now, firstByte: timing.firstByte });
      console.log(
        `load ${String(i + 1).padStart(2)}${
          i === 0 ? ' (cold cache)' : '             '
        }: board rendered ${timing.now.toFixed(
          0,
        )} ms after navigation start (first byte ${timing.firstByte.toFixed(
          0,
        )} ms)`,
      );
    }
    const warm = results
      .slice(1)
      .map(r => r.total)
      .sort((a, b) => a - b);
    if (warm.length) {
      console.log(
        `stage board of ${CLINIC}, warm loads: p50 ${quantile(
          warm,
          0.5,
        ).toFixed(0)} ms, p95 ${quantile(warm, 0.95).toFixed(
          0,
        )} ms, min ${warm[0].toFixed(0)} ms, max ${warm[
          warm.length - 1
        ].toFixed(0)} ms; cold ${results[0].total.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
