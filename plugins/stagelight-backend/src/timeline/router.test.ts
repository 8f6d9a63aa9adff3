import express from 'express';
import request from 'supertest';
import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../__testUtils__/testDatabases';
import { testConfig } from '../__testUtils__/testSettings';
import { createCostModule } from '../cost/CostModule';
import { readCostSettings } from '../cost/CostSettings';
import { CostStore } from '../cost/CostStore';
import { createOpenApiRouter } from '../http/openApiRouter';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import {
  environmentRecord,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../power/__testUtils__/powerFixture';
import { createTimelineModule } from './TimelineModule';

jest.setTimeout(60_000);

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

const HOUR = 3_600_000;
/** A Wednesday noon (UTC): the period is Wednesday to Wednesday. */
const NOW = new Date('2026-06-10T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe.each(databases.eachSupportedId())('timeline routes on %s', id => {
  async function setup(denied: string[] = []) {
    const knex = await databases.init(id);
    await migrate(knex);
    const store = new MemoryEnvironmentStore();
    store.set([
      environmentRecord('birch', 'dev'),
      environmentRecord('alder', 'prod', true),
      environmentRecord('alder', 'dev'),
    ]);
    const clock = new TestClock(ago(1));
    const power = makePower({
      knex,
      endpoint: 'http://127.0.0.1:9',
      store,
      clock,
      stagelight: {
        power: {
          schedules: {
            dev: {
              timeZone: 'Europe/Berlin',
              windows: [
                {
                  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
                  start: '08:00',
                  end: '18:00',
                },
              ],
            },
          },
        },
      },
    });
    const cost = createCostModule({
      knex,
      settings: readCostSettings(testConfig('http://127.0.0.1:9')),
      clientFactory: () => Promise.reject(new Error('no AWS in route tests')),
      clock,
      logger: mockServices.logger.mock(),
    });
    const decide = (r: { permission: { name: string } }) => ({
      result: denied.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    });
    const permissions = mockServices.permissions.mock({
      authorize: async requests => requests.map(decide) as any,
      authorizeConditional: async requests => requests.map(decide) as any,
    });
    const stages = ['dev', 'test', 'staging', 'prod'];
    const timeline = createTimelineModule({
      lookup: new EnvironmentLookup({ store, stages }),
      history: cost.history,
      schedules: power.schedules,
      auditLog: power.auditLog,
      cost: cost.data,
      stages,
      clock,
    });
    const httpAuth = mockServices.httpAuth();
    const app = express()
      // Behind the contract, as the plugin mounts it.
      .use(
        createOpenApiRouter([
          power.router({ httpAuth, permissions }),
          timeline.router({ httpAuth, permissions }),
        ]),
      )
      .use(mockErrorHandler());
    return { app, knex, clock, power, cost, permissions };
  }

  /** alder/dev: asleep from 8 days ago, awake 50 h ago, asleep 30 h ago, then a recording gap. */
  async function recordHistory(
    cost: Awaited<ReturnType<typeof setup>>['cost'],
  ) {
    const seen = (power: 'awake' | 'asleep') => [
      { clinic: 'alder', stage: 'dev', power },
      { clinic: 'alder', stage: 'prod', power: 'awake' as const },
    ];
    await cost.history.record(seen('asleep'), ago(8 * 24));
    await cost.history.record(seen('awake'), ago(50));
    await cost.history.record(seen('asleep'), ago(30));
    // Nothing was seen for 10 hours (the portal was down): the spans close.
    await cost.history.record([], ago(20));
    await cost.history.record(seen('asleep'), ago(10));
  }

  async function storeCost(knex: Awaited<ReturnType<typeof setup>>['knex']) {
    const row = (day: string, amount: number) => ({
      day,
      stage: 'dev',
      clinic: 'alder',
      amount,
      estimated: day === '2026-06-10',
      currency: 'USD',
    });
    const costStore = new CostStore(knex);
    await costStore.claimRefresh(NOW.getTime(), HOUR);
    await costStore.saveResults(
      [row('2026-06-01', 9), row('2026-06-05', 3.456), row('2026-06-10', 1.2)],
      { nowMs: NOW.getTime(), pages: 1, tagStatus: null },
    );
  }

  it("serves a clinic's stages with bands, schedule windows, lease, markers and cost", async () => {
    const { app, knex, clock, power, cost } = await setup();
    await recordHistory(cost);
    await storeCost(knex);
    const wake = await request(app)
      .post('/environments/alder/dev/wake')
      .send({ reason: 'demo for the clinic', leaseHours: 2 });
    expect(wake.status).toBe(202);
    await power.engine.settled();
    clock.time = NOW;

    const res = await request(app).get('/clinics/alder/timeline');
    expect(res.status).toBe(200);
    const body = res.body as TimelineResponse;
    expect(body).toMatchObject({
      from: '2026-06-03T12:00:00.000Z',
      to: '2026-06-10T12:00:00.000Z',
      days: 7,
      costIncluded: true,
      currency: 'USD',
    });
    expect(body.costDays).toEqual([
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
      '2026-06-08',
      '2026-06-09',
      '2026-06-10',
    ]);
    // Promotion order within the clinic; birch is another clinic.
    expect(body.environments.map(e => e.stage)).toEqual(['dev', 'prod']);
    const [dev, prod] = body.environments;
    expect(dev.bands).toEqual([
      // Cut at the period start: the span began 8 days ago.
      { state: 'asleep', from: body.from, to: ago(50).toISOString() },
      {
        state: 'awake',
        from: ago(50).toISOString(),
        to: ago(30).toISOString(),
      },
      {
        state: 'asleep',
        from: ago(30).toISOString(),
        to: ago(20).toISOString(),
      },
      // The gap of 20 to 10 hours ago has no band.
      { state: 'asleep', from: ago(10).toISOString(), to: body.to },
    ]);
    // 168 h less the 10 h gap.
    expect(dev.hours).toEqual({ asleep: 138, awake: 20 });
    // Weekdays 08:00-18:00 in Berlin (06:00-16:00 UTC in June): Wed afternoon to Wed morning.
    expect(dev.scheduleSource).toBe('stage-default');
    expect(dev.scheduleWindows[0]).toEqual({
      from: '2026-06-03T12:00:00.000Z',
      to: '2026-06-03T16:00:00.000Z',
    });
    expect(dev.scheduleWindows).toHaveLength(6);
    expect(dev.leases).toEqual([
      {
        from: ago(1).toISOString(),
        to: new Date(NOW.getTime() + HOUR).toISOString(),
        requestedBy: 'user:default/mock',
        reason: 'demo for the clinic',
      },
    ]);
    expect(dev.markers).toEqual([
      expect.objectContaining({
        kind: 'wake',
        actor: 'user:default/mock',
        reason: 'demo for the clinic',
        result: 'succeeded',
        at: ago(1).toISOString(),
      }),
    ]);
    expect(dev.dailyCost).toEqual(
      body.costDays.map(day => ({
        day,
        amount: { '2026-06-05': 3.46, '2026-06-10': 1.2 }[day] ?? null,
        estimated: day === '2026-06-10',
      })),
    );
    expect(prod).toMatchObject({
      protected: true,
      scheduleSource: 'none',
      scheduleWindows: [],
      markers: [],
      hours: { awake: 158 },
    });
  });

  it('leaves the cost out, not the timeline, without stagelight.cost.read', async () => {
    const { app, knex, permissions } = await setup([
      stagelightCostReadPermission.name,
    ]);
    await storeCost(knex);
    const res = await request(app).get('/clinics/alder/timeline?days=2');
    expect(res.status).toBe(200);
    expect(res.body.costIncluded).toBe(false);
    expect(res.body.currency).toBeNull();
    expect(res.body.days).toBe(2);
    expect(res.body.costDays).toEqual(['2026-06-09', '2026-06-10']);
    expect(
      res.body.environments.map((e: { dailyCost: unknown }) => e.dailyCost),
    ).toEqual([null, null]);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: stagelightCostReadPermission }],
      { credentials: expect.anything() },
    );
  });

  it('serves the fleet, clinic by clinic in stage order', async () => {
    const { app, clock } = await setup();
    clock.time = NOW;
    const res = await request(app).get('/timeline?days=31');
    expect(res.status).toBe(200);
    expect(
      res.body.environments.map(
        (e: { clinic: string; stage: string; bands: unknown[] }) =>
          `${e.clinic}/${e.stage}:${e.bands.length}`,
      ),
    ).toEqual(['alder/dev:0', 'alder/prod:0', 'birch/dev:0']);
    expect(res.body.from).toBe(ago(31 * 24).toISOString());
  });

  it.each(['/clinics/alder/timeline', '/timeline'])(
    'answers 403 on %s without stagelight.environment.read',
    async path => {
      const { app } = await setup([stagelightEnvironmentReadPermission.name]);
      const res = await request(app).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Not allowed to read/);
    },
  );

  it.each([
    ['/clinics/alder/timeline?days=0', 400, /days/],
    ['/clinics/alder/timeline?days=32', 400, /days/],
    ['/timeline?days=seven', 400, /days/],
    ['/timeline?days=2.5', 400, /days/],
    ['/clinics/Alder_1/timeline', 400, /clinic/],
    ['/clinics/cedar/timeline', 404, /No environments for clinic 'cedar'/],
  ])('answers %s with %i', async (path, status, message) => {
    const { app } = await setup();
    const res = await request(app).get(path);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });
});
