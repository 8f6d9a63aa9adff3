import { mockServices } from '@backstage/backend-test-utils';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { JsonObject } from '@backstage/types';
import {
  demoCostPages,
  demoFleet,
  MotoServer,
  queueCostResults,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { Knex } from 'knex';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../__testUtils__/testDatabases';
import { testConfig } from '../__testUtils__/testSettings';
import { createCostExplorerClientFactory } from './CostExplorerAdapter';
import { CostModule, createCostModule } from './CostModule';
import { parseProjectionRequest } from './http/projectionRequest';

/** A projection as the route makes it: the body checked, then projected. */
const project = (cost: CostModule, body: unknown) =>
  cost.projection.project(parseProjectionRequest(body));
import { readCostSettings } from './CostSettings';
import { countAttempts } from '../aws/CallCounter';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';

jest.setTimeout(120_000);

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

const T0 = new Date('2026-11-26T10:00:00Z');
const HOUR = 3_600_000;
const fleet = demoFleet();
type Page = ReturnType<typeof demoCostPages>[number];

/** The demo pages' amounts per (stage, clinic, day), to compute expectations independently. */
function amounts(pages: Page[]) {
  const out: { day: string; stage: string; clinic: string; amount: number }[] =
    [];
  for (const page of pages) {
    for (const period of page.ResultsByTime) {
      for (const g of period.Groups) {
        out.push({
          day: period.TimePeriod.Start,
          stage: g.Keys[0].split('$')[1],
          clinic: g.Keys[1].split('$')[1],
          amount: Number(g.Metrics.UnblendedCost.Amount),
        });
      }
    }
  }
  return out;
}

const sum = (rows: { amount: number }[]) =>
  rows.reduce((s, r) => s + r.amount, 0);

describe.each(databases.eachSupportedId())('cost on %s', databaseId => {
  let moto: MotoServer;
  let knex: Knex;
  let now: Date;
  let calls: Record<string, number>;

  beforeAll(async () => {
    moto = await startMotoServer();
  });

  afterAll(async () => {
    await moto?.stop();
  });

  beforeEach(async () => {
    await moto.reset();
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    now = T0;
    calls = {};
  });

  function service(cost: JsonObject = {}) {
    const config = testConfig(moto.endpoint, { cost, aws: { maxAttempts: 1 } });
    const settings = readCostSettings(config);
    return createCostModule({
      knex,
      settings,
      clock: { now: () => now },
      logger: mockServices.logger.mock(),
      clientFactory: createCostExplorerClientFactory({
        credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
        settings,
        customize: client =>
          countAttempts(client, op => {
            calls[op] = (calls[op] ?? 0) + 1;
          }),
      }),
    });
  }

  it('reads every page grouped by stage and clinic and serves it for the TTL', async () => {
    const pages = demoCostPages(fleet, T0, { days: 90, pages: 3 });
    await queueCostResults(moto.endpoint, pages);
    const cost = service();

    expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
    // 3 pages, then one GetCostForecast per stage with data (moto has none: they fail).
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 4 });

    const rows = amounts(pages);
    const summary = await cost.reports.summary();
    expect(summary.diagnostics).toEqual([]);
    expect(summary.data).toMatchObject({
      refreshedAt: T0.toISOString(),
      dataAgeSeconds: 0,
      firstDay: '2026-08-28',
      lastDay: '2026-11-25',
      currency: 'USD',
      budget: { usedToday: 7, dailyLimit: 24 },
    });
    const nov = rows.filter(r => r.day >= '2026-11-01');
    const oct = rows.filter(r => r.day >= '2026-10-01' && r.day < '2026-11-01');
    const dev = summary.byStage.find(s => s.stage === 'dev')!;
    expect(dev.monthToDate).toBeCloseTo(
      sum(nov.filter(r => r.stage === 'dev')),
      2,
    );
    expect(dev.lastMonth).toBeCloseTo(
      sum(oct.filter(r => r.stage === 'dev')),
      2,
    );
    expect(dev.lastMonthToSameDay).toBeCloseTo(
      sum(oct.filter(r => r.stage === 'dev' && r.day <= '2026-10-25')),
      2,
    );
    expect(summary.byClinic.map(c => c.clinic)).toEqual([
      'harbor-view',
      'lakeshore',
      'northside',
    ]);
    const northside = summary.byClinic.find(c => c.clinic === 'northside')!;
    expect(northside.monthToDate).toBeCloseTo(
      sum(nov.filter(r => r.clinic === 'northside')),
      2,
    );
    expect(summary.total.monthToDate).toBeCloseTo(sum(nov), 2);
    expect(summary.untaggedMonthToDate).toBe(0);

    const env = await cost.reports.environment('lakeshore', 'prod');
    const envRows = rows.filter(
      r => r.clinic === 'lakeshore' && r.stage === 'prod',
    );
    expect(env.daily).toHaveLength(90);
    expect(env.daily[89]).toEqual({
      date: '2026-11-25',
      amount: Math.round(envRows[89].amount * 100) / 100,
      estimated: true,
    });
    expect(env.month.monthToDate).toBeCloseTo(
      sum(envRows.filter(r => r.day >= '2026-11-01')),
      2,
    );

    // Within the TTL: no request, however many reads.
    now = new Date(T0.getTime() + 11 * HOUR);
    expect(await cost.refresher.refreshIfStale()).toBe('fresh');
    for (let i = 0; i < 50; i++) {
      await cost.reports.summary();
      await cost.reports.environment('northside', 'dev');
      await cost.reports.stageForecast('dev');
    }
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 4 });

    // After the TTL: read again; forecasts that failed today are not retried.
    now = new Date(T0.getTime() + 13 * HOUR);
    expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
    expect(calls).toEqual({ GetCostAndUsage: 6, GetCostForecast: 4 });
    expect((await cost.reports.summary()).data.budget.usedToday).toBe(10);
  });

  it('never exceeds the daily budget: the request after it is served from the database', async () => {
    const pages = demoCostPages(fleet, T0, { days: 90, pages: 3 });
    await queueCostResults(moto.endpoint, pages);
    const cost = service({ dailyRequestBudget: 4, ttl: { hours: 1 } });

    expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
    // 3 pages + 1 forecast fill the budget; the other forecasts are not asked.
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 1 });
    const before = await cost.reports.summary();

    now = new Date(T0.getTime() + 1.5 * HOUR);
    expect(await cost.refresher.refreshIfStale()).toBe('budget-exhausted');
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 1 });

    const after = await cost.reports.summary();
    expect(after.byStage).toEqual(before.byStage);
    expect(after.data.dataAgeSeconds).toBe(5400);
    expect(after.data.budget).toEqual({ usedToday: 4, dailyLimit: 4 });
    expect(after.diagnostics.map(d => d.code)).toEqual(['BUDGET_EXHAUSTED']);

    // Retried only after `retryAfter`, and still refused today.
    now = new Date(T0.getTime() + 1.5 * HOUR + 60_000);
    expect(await cost.refresher.refreshIfStale()).toBe('retry-later');
    now = new Date(T0.getTime() + 3 * HOUR);
    expect(await cost.refresher.refreshIfStale()).toBe('budget-exhausted');
    expect(calls.GetCostAndUsage).toBe(3);

    // A new UTC day brings a new budget.
    const tomorrow = new Date('2026-11-27T01:00:00Z');
    await queueCostResults(
      moto.endpoint,
      demoCostPages(fleet, tomorrow, { days: 90, pages: 3 }),
    );
    now = tomorrow;
    expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
    expect(calls.GetCostAndUsage).toBe(6);
    const next = await cost.reports.summary();
    expect(next.data.lastDay).toBe('2026-11-26');
    expect(next.data.budget.usedToday).toBeLessThanOrEqual(4);
    expect(next.diagnostics).toEqual([]);
  });

  it('does not start a refresh that the rest of the budget cannot finish', async () => {
    await queueCostResults(
      moto.endpoint,
      demoCostPages(fleet, T0, { days: 90, pages: 3 }),
    );
    const cost = service({ dailyRequestBudget: 8, ttl: { hours: 1 } });
    expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 4 });

    // One request left, three pages needed: nothing is spent.
    now = new Date(T0.getTime() + 2 * HOUR);
    expect(await cost.refresher.refreshIfStale()).toBe('budget-exhausted');
    expect(calls).toEqual({ GetCostAndUsage: 3, GetCostForecast: 4 });
    expect((await cost.reports.summary()).data.budget.usedToday).toBe(7);
  });

  it('shares one budget between replicas', async () => {
    const pages = demoCostPages(fleet, T0, { days: 30, pages: 1 });
    await queueCostResults(moto.endpoint, pages);
    const replicas = [
      service({ dailyRequestBudget: 5 }),
      service({ dailyRequestBudget: 5 }),
    ];
    const outcomes = await Promise.all(
      replicas.map(r => r.refresher.refreshIfStale()),
    );
    expect(outcomes.sort()).toEqual(['in-progress', 'refreshed']);
    expect((await replicas[1].reports.summary()).data.budget.usedToday).toBe(5);
    expect(calls.GetCostAndUsage + calls.GetCostForecast).toBe(5);
    // 30 days reach back to 27 October: October's figures are unknown, not small.
    const { total } = await replicas[0].reports.summary();
    expect(total.monthToDate).toBeGreaterThan(0);
    expect(total.lastMonth).toBeNull();
    expect(total.lastMonthToSameDay).toBeNull();
  });

  it('falls back to a stated trend estimate when GetCostForecast is unavailable', async () => {
    const pages = demoCostPages(fleet, T0, { days: 90, pages: 2 });
    await queueCostResults(moto.endpoint, pages);
    const cost = service();
    await cost.refresher.refreshIfStale();

    const forecast = await cost.reports.stageForecast('staging');
    const staging = amounts(pages).filter(r => r.stage === 'staging');
    const perDay = new Map<string, number>();
    for (const r of staging)
      perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.amount);
    const last14 = [...perDay.entries()]
      .filter(([d]) => d >= '2026-11-12')
      .map(([, a]) => a);
    expect(last14).toHaveLength(14);
    const mtd = sum(staging.filter(r => r.day >= '2026-11-01'));
    // 26 to 30 November are not billed yet.
    const remainder = (last14.reduce((a, b) => a + b, 0) / 14) * 5;
    expect(forecast).toMatchObject({
      stage: 'staging',
      clinic: null,
      method: 'trend',
      period: { start: '2026-11-01', end: '2026-12-01' },
    });
    // One plain sentence for the page; the formula and AWS's answer behind it.
    expect(forecast.methodDescription).toBe(
      "AWS's own forecast was not available, so this is the average daily cost of the last 14 days, continued to the end of the month.",
    );
    expect(forecast.methodDetail).toMatch(
      /mean daily cost of the last 14 days/,
    );
    expect(forecast.methodDetail).toMatch(/GetCostForecast is unavailable/);
    expect(forecast.monthToDate).toBeCloseTo(mtd, 2);
    expect(forecast.remainder).toBeCloseTo(remainder, 2);
    expect(forecast.monthTotal).toBeCloseTo(mtd + remainder, 2);
  });

  it('on the first of a month shows no month to date and the last 30 days instead of zeros', async () => {
    // Cost Explorer has billed up to 30 November; nothing of December yet.
    const first = new Date('2026-12-01T08:00:00Z');
    const pages = demoCostPages(fleet, first, { days: 40, pages: 1 });
    await queueCostResults(moto.endpoint, pages);
    now = first;
    const cost = service();
    await cost.refresher.refreshIfStale();

    const summary = await cost.reports.summary();
    expect(summary.data).toMatchObject({
      lastDay: '2026-11-30',
      monthToDateDays: 0,
      last30Days: { start: '2026-11-01', end: '2026-11-30' },
    });
    const rows = amounts(pages);
    const november = rows.filter(r => r.day >= '2026-11-01');
    expect(summary.total.monthToDate).toBeNull();
    expect(summary.total.lastMonthToSameDay).toBeNull();
    expect(summary.total.lastMonth).toBeCloseTo(sum(november), 2);
    expect(summary.total.last30Days).toBeCloseTo(sum(november), 2);
    const dev = summary.byStage.find(s => s.stage === 'dev')!;
    expect(dev.monthToDate).toBeNull();
    expect(dev.last30Days).toBeCloseTo(
      sum(november.filter(r => r.stage === 'dev')),
      2,
    );
    expect(summary.untaggedMonthToDate).toBeNull();

    const env = await cost.reports.environment('northside', 'dev');
    expect(env.month).toMatchObject({
      monthToDate: null,
      lastMonthToSameDay: null,
    });
    expect(env.month.last30Days).toBeCloseTo(
      sum(november.filter(r => r.stage === 'dev' && r.clinic === 'northside')),
      2,
    );
    // The forecast of December is the trend over all of it.
    const forecast = await cost.reports.stageForecast('dev');
    expect(forecast.period).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(forecast.monthToDate).toBe(0);
    expect(forecast.remainder).toBeGreaterThan(0);
  });

  it('says plainly when the tags are not activated, instead of zeros', async () => {
    const pages = demoCostPages(fleet, T0, { days: 40, pages: 1 });
    for (const period of pages[0].ResultsByTime) {
      const total = sum(
        period.Groups.map(g => ({
          amount: Number(g.Metrics.UnblendedCost.Amount),
        })),
      );
      period.Groups = [
        {
          Keys: ['stagelight:stage$', 'stagelight:clinic$'],
          Metrics: { UnblendedCost: { Amount: String(total), Unit: 'USD' } },
        },
      ];
    }
    await queueCostResults(moto.endpoint, pages);
    const cost = service();
    await cost.refresher.refreshIfStale();
    // Untagged spend makes the service ask ListCostAllocationTags (moto lacks it; handled).
    expect(calls.ListCostAllocationTags).toBe(1);

    const summary = await cost.reports.summary();
    expect(summary.diagnostics.map(d => d.code)).toEqual([
      'TAGS_NOT_ACTIVATED',
    ]);
    expect(summary.diagnostics[0].message).toMatch(
      /activate stagelight:stage and stagelight:clinic as cost allocation tags/,
    );
    expect(summary.byStage.every(s => s.monthToDate === null)).toBe(true);
    expect(summary.byClinic).toEqual([]);
    expect(summary.total.monthToDate).toBeGreaterThan(0);
    expect(summary.untaggedMonthToDate).toBe(summary.total.monthToDate);
  });

  it('reports no cost data with nulls, reading Cost Explorer once on the first read', async () => {
    const cost = service();
    const summary = await cost.reports.summary();
    expect(calls).toEqual({ GetCostAndUsage: 1, ListCostAllocationTags: 1 });
    expect(summary.diagnostics.map(d => d.code)).toEqual(['NO_COST_DATA']);
    expect(summary.total).toEqual({
      monthToDate: null,
      lastMonthToSameDay: null,
      lastMonth: null,
      last30Days: null,
    });
    expect(summary.byStage.map(s => s.monthToDate)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(summary.data.firstDay).toBeNull();

    const env = await cost.reports.environment('northside', 'dev');
    expect(env.month.monthToDate).toBeNull();
    expect(env.forecast.monthTotal).toBeNull();
    expect(env.savings.amount).toBeNull();
    const forecast = await cost.reports.stageForecast('dev');
    expect(forecast.monthTotal).toBeNull();
    // Reads after the first refresh stay in the database.
    expect(calls).toEqual({ GetCostAndUsage: 1, ListCostAllocationTags: 1 });
  });

  it('computes savings and projections from the power history', async () => {
    const pages = demoCostPages(fleet, T0, { days: 90, pages: 2 });
    await queueCostResults(moto.endpoint, pages);
    const cost = service();
    await cost.refresher.refreshIfStale();

    const at = (iso: string) => new Date(iso);
    const sample = (power: 'awake' | 'asleep') =>
      fleet.environments.map(e => ({
        clinic: e.clinic,
        stage: e.stage,
        power:
          e.clinic === 'northside' && e.stage === 'dev'
            ? power
            : ('awake' as const),
      }));
    await cost.history.record(sample('awake'), at('2026-11-16T00:00:00Z'));
    await cost.history.record(sample('awake'), at('2026-11-20T07:00:00Z'));
    await cost.history.record(sample('asleep'), at('2026-11-22T00:00:00Z'));
    await cost.history.record(sample('awake'), at('2026-11-24T00:00:00Z'));
    await cost.history.record(sample('awake'), T0);

    const rows = amounts(pages).filter(
      r => r.clinic === 'northside' && r.stage === 'dev',
    );
    const costOn = (days: string[]) =>
      sum(rows.filter(r => days.includes(r.day))) / days.length;
    const awakeDays = ['16', '17', '18', '19', '20', '21', '24', '25'].map(
      d => `2026-11-${d}`,
    );
    const awakeRate = costOn(awakeDays) / 24;
    const asleepRate = costOn(['2026-11-22', '2026-11-23']) / 24;

    const env = await cost.reports.environment('northside', 'dev');
    expect(env.savings.asleepHours).toBe(48);
    expect(env.savings.recordedHours).toBe(10 * 24 + 10);
    expect(env.savings.awakeHourlyRate).toBeCloseTo(awakeRate, 4);
    expect(env.savings.amount).toBeCloseTo(48 * awakeRate, 2);
    expect(env.savings.method).toBe(
      'The hours it slept this month, times what an hour awake costs.',
    );
    expect(env.savings.methodDetail).toMatch(/8 fully-awake days/);

    // The stage board's one answer per clinic agrees with the environment's report.
    const board = await cost.reports.clinic('northside');
    const dev = board.stages.find(s => s.stage === 'dev')!;
    expect(dev.awakeHourlyRate).toBeCloseTo(awakeRate, 4);
    expect(dev.asleepDaySavings).toBeCloseTo(24 * awakeRate, 2);
    expect(dev.monthToDate).toBe(env.month.monthToDate);
    expect(dev.last30Days).toBe(env.month.last30Days);
    expect(dev.monthToDate).toBeCloseTo(
      sum(rows.filter(r => r.day >= '2026-11-01' && r.day < '2026-11-26')),
      2,
    );
    expect(board.stages.map(s => s.stage)).toEqual([
      'dev',
      'test',
      'staging',
      'prod',
    ]);

    const projection = await project(cost, {
      clinic: 'northside',
      stage: 'dev',
      schedule: {
        timeZone: 'UTC',
        windows: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            start: '08:00',
            end: '18:00',
          },
        ],
      },
    });
    // November 2026: 21 weekdays.
    const last28 = rows.filter(r => r.day >= '2026-10-29');
    expect(last28).toHaveLength(28);
    const current = (sum(last28) / 28) * 30;
    const projected = 210 * awakeRate + 510 * asleepRate;
    expect(projection).toMatchObject({
      clinic: 'northside',
      stage: 'dev',
      environments: 1,
      hoursInMonth: 720,
      awakeHours: 210,
      asleepHours: 510,
    });
    expect(projection.awakeHourlyRate).toBeCloseTo(awakeRate, 4);
    expect(projection.asleepHourlyRate).toBeCloseTo(asleepRate, 4);
    expect(projection.currentMonthlyCost).toBeCloseTo(current, 2);
    expect(projection.projectedMonthlyCost).toBeCloseTo(projected, 2);
    expect(projection.savings).toBeCloseTo(current - projected, 2);
    expect(projection.method).toMatch(/fully-asleep days/);

    const stage = await project(cost, {
      stage: 'dev',
      schedule: {
        timeZone: 'UTC',
        windows: [{ days: ['mon'], start: '00:00', end: '24:00' }],
      },
    });
    expect(stage.environments).toBe(3);
    expect(stage.clinic).toBeNull();

    await expect(
      project(cost, {
        clinic: 'nowhere',
        stage: 'dev',
        schedule: {
          timeZone: 'UTC',
          windows: [{ days: ['mon'], start: '08:00', end: '09:00' }],
        },
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      project(cost, {
        stage: 'qa',
        schedule: {
          timeZone: 'UTC',
          windows: [{ days: ['mon'], start: '08:00', end: '09:00' }],
        },
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
