import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightCostReadPermission } from '@stagelight/backstage-plugin-stagelight-common';
import express from 'express';
import request from 'supertest';
import { testConfig } from '../../__testUtils__/testSettings';
import { createOpenApiRouter } from '../../http/openApiRouter';
import { createCostModule } from '../CostModule';
import { readCostSettings } from '../CostSettings';
import { MIGRATIONS_DIRECTORY } from '../../database/migrateDatabase';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function app(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result }]);
  const cost = createCostModule({
    knex,
    settings: readCostSettings(testConfig('http://127.0.0.1:9')),
    // Never reached by these tests' assertions: a refresh that fails leaves NO_COST_DATA.
    clientFactory: () => Promise.reject(new Error('no AWS in router tests')),
    clock: { now: () => new Date('2026-11-26T10:00:00Z') },
    logger: mockServices.logger.mock(),
  });
  const server = express()
    // Behind the contract, as the plugin mounts it.
    .use(
      createOpenApiRouter([
        cost.router({
          httpAuth: mockServices.httpAuth(),
          permissions,
        }),
      ]),
    )
    .use(mockErrorHandler());
  return { server, permissions };
}

const schedule = {
  timeZone: 'Europe/Berlin',
  windows: [{ days: ['mon', 'tue'], start: '08:00', end: '18:00' }],
};

describe('cost router', () => {
  it.each([
    ['get', '/cost/summary'],
    ['get', '/cost/environments/northside/dev'],
    ['get', '/cost/clinics/northside'],
    ['get', '/cost/stages/dev/forecast'],
    ['post', '/cost/projection'],
  ] as const)(
    'answers 403 on %s %s without stagelight.cost.read',
    async (method, path) => {
      const { server, permissions } = await app(AuthorizeResult.DENY);
      const res = await request(server)
        [method](path)
        .send({ stage: 'dev', schedule });
      expect(res.status).toBe(403);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: stagelightCostReadPermission }],
        { credentials: expect.anything() },
      );
    },
  );

  it('leaves routes outside /cost to the rest of the plugin', async () => {
    const { server, permissions } = await app(AuthorizeResult.DENY);
    expect((await request(server).get('/environments')).status).toBe(404);
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('serves the summary, saying there is no data rather than zeros', async () => {
    const { server } = await app(AuthorizeResult.ALLOW);
    const res = await request(server).get('/cost/summary');
    expect(res.status).toBe(200);
    expect(res.body.total.monthToDate).toBeNull();
    expect(res.body.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'NO_COST_DATA',
      'REFRESH_FAILED',
    ]);
  });

  it("serves a clinic's stages in one answer, unknown rather than zero without data", async () => {
    const { server } = await app(AuthorizeResult.ALLOW);
    const res = await request(server).get('/cost/clinics/northside');
    expect(res.status).toBe(200);
    expect(res.body.clinic).toBe('northside');
    expect(res.body.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'dev',
      'test',
      'staging',
      'prod',
    ]);
    expect(res.body.stages[0]).toEqual({
      stage: 'dev',
      monthToDate: null,
      last30Days: null,
      awakeHourlyRate: null,
      asleepDaySavings: null,
    });
    expect(res.body.diagnostics.map((d: { code: string }) => d.code)).toContain(
      'NO_COST_DATA',
    );
    expect((await request(server).get('/cost/clinics/North_Side')).status).toBe(
      400,
    );
  });

  it('answers 404 for unknown stages and 400 for malformed clinic ids', async () => {
    const { server } = await app(AuthorizeResult.ALLOW);
    expect((await request(server).get('/cost/stages/qa/forecast')).status).toBe(
      404,
    );
    expect(
      (await request(server).get('/cost/environments/northside/qa')).status,
    ).toBe(404);
    expect(
      (await request(server).get('/cost/environments/North_Side/dev')).status,
    ).toBe(400);
    expect(
      (await request(server).get('/cost/stages/dev/forecast')).status,
    ).toBe(200);
  });

  it.each([
    [
      { stage: 'dev', schedule: { ...schedule, timeZone: 'Europe/Atlantis' } },
      400,
      /IANA time zone/,
    ],
    [
      {
        stage: 'dev',
        schedule: {
          ...schedule,
          windows: [{ days: ['mon'], start: '8am', end: '18:00' }],
        },
      },
      400,
      /HH:MM/,
    ],
    [
      { stage: 'dev', schedule: { ...schedule, windows: [] } },
      400,
      /at least one window/,
    ],
    [{ schedule }, 400, /stage is required/],
    [{ stage: 'qa', schedule }, 404, /Unknown stage/],
  ])('validates projection input %j', async (body, status, message) => {
    const { server } = await app(AuthorizeResult.ALLOW);
    const res = await request(server).post('/cost/projection').send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('projects a valid schedule, with null amounts while there is no cost data', async () => {
    const { server } = await app(AuthorizeResult.ALLOW);
    const res = await request(server)
      .post('/cost/projection')
      .send({ clinic: 'northside', stage: 'dev', schedule });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      clinic: 'northside',
      stage: 'dev',
      month: { timeZone: 'Europe/Berlin' },
      hoursInMonth: 720,
      awakeHours: 90, // 5 Mondays and 4 Tuesdays in November 2026
      projectedMonthlyCost: null,
      savings: null,
    });
  });
});
