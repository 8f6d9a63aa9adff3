import { APP_NAME, DEFAULT_TAG_KEYS, TagKeys } from '@stagelight/tag-contract';
import { DemoFleet } from '../fleet/demoFleet';

const DAY_MS = 24 * 3600 * 1000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A small deterministic generator, so the demo history is the same on every seed. */
function noise(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 2001) / 10000 - 0.1; // -10 % .. +10 %
}

/**
 * Cost Explorer `GetCostAndUsage` pages for the demo fleet: `days` of daily
 * UnblendedCost grouped by the stage and clinic tags, as Cost Explorer answers a
 * request filtered to the app tag. Non-production stages cost a quarter on
 * weekends (they sleep); an environment asleep now has slept for the last 5 days.
 */
export function demoCostPages(
  fleet: DemoFleet,
  today: Date,
  options: { days?: number; pages?: number; keys?: TagKeys } = {},
) {
  const days = options.days ?? 90;
  const pages = options.pages ?? 2;
  const keys = options.keys ?? DEFAULT_TAG_KEYS;
  const end = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate(),
  );
  const results: {
    TimePeriod: { Start: string; End: string };
    Total: Record<string, never>;
    Groups: {
      Keys: string[];
      Metrics: { UnblendedCost: { Amount: string; Unit: string } };
    }[];
    Estimated: boolean;
  }[] = [];
  for (let d = days; d >= 1; d--) {
    const start = end - d * DAY_MS;
    const weekday = new Date(start).getUTCDay();
    const groups = fleet.environments.map(env => {
      const sleepsOnWeekend =
        env.stage !== 'prod' && (weekday === 0 || weekday === 6);
      const asleepLately = env.asleep && d <= 5;
      const factor = asleepLately || sleepsOnWeekend ? 0.25 : 1;
      const amount =
        env.dailyCostAwake *
        factor *
        (1 + noise(`${env.clinic}/${env.stage}/${d}`));
      return {
        Keys: [`${keys.stage}$${env.stage}`, `${keys.clinic}$${env.clinic}`],
        Metrics: { UnblendedCost: { Amount: amount.toFixed(10), Unit: 'USD' } },
      };
    });
    results.push({
      TimePeriod: { Start: isoDay(start), End: isoDay(start + DAY_MS) },
      Total: {},
      Groups: groups,
      Estimated: d <= 2,
    });
  }
  const perPage = Math.ceil(results.length / pages);
  return Array.from({ length: pages }, (_, p) => ({
    GroupDefinitions: [
      { Type: 'TAG', Key: keys.stage },
      { Type: 'TAG', Key: keys.clinic },
    ],
    ResultsByTime: results.slice(p * perPage, (p + 1) * perPage),
    DimensionValueAttributes: [],
    ...(p < pages - 1 ? { NextPageToken: `${APP_NAME}-page-${p + 2}` } : {}),
  }));
}

/** Queues pages at moto_server: each distinct GetCostAndUsage request takes the next one. */
export async function queueCostResults(endpoint: string, pages: unknown[]) {
  const res = await fetch(
    `${endpoint}/moto-api/static/ce/cost-and-usage-results`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ results: pages }),
    },
  );
  if (res.status !== 201)
    throw new Error(`moto refused cost results: ${res.status}`);
}
