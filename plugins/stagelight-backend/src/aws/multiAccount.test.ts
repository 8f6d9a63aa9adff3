import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  DemoEnvironment,
  demoCostPages,
  localAwsClientConfig,
} from '@internal/stagelight-local-aws';
import knexFactory from 'knex';
import request from 'supertest';
import {
  createCostExplorerClientFactory,
  createCostModule,
  readCostSettings,
} from '../cost';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';
import { stagelightAwsExtensionPoint } from '../extensions';
import { stagelightPlugin } from '../plugin';
import { refuseAssumeRole } from '../__testUtils__/accounts';
import {
  ACCOUNT_FLEET,
  accountFleetConfig,
  REFUSED_ACCOUNT,
  seedAccountFleet,
} from '../__testUtils__/accountFleet';
import { envNames, FixtureCredentials } from '../__testUtils__/fleetFixture';
import { localAwsSuite } from '../__testUtils__/localAwsSuite';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';
import { AccountCredentials } from './AccountCredentials';
import { CallCounter, countAttempts } from './CallCounter';

jest.setTimeout(240_000);

const T0 = new Date('2026-11-26T10:00:00Z');

/** Where each environment lives, from the fleet layout. */
const placementOf = (clinic: string) =>
  ACCOUNT_FLEET.find(p => p.environments.some(e => e.clinic === clinic))!;

describe('many accounts through STS, hub and spoke', () => {
  const local = localAwsSuite();
  let credentials: Map<string, FixtureCredentials>;
  let server: any;
  let stop: () => Promise<void>;
  let scheduler: SchedulerService;
  const counter = new CallCounter();

  beforeAll(async () => {
    credentials = await seedAccountFleet(local.moto().endpoint, local.api());
    const probe = createBackendModule({
      pluginId: 'stagelight',
      moduleId: 'multi-account-test',
      register(env) {
        env.registerInit({
          deps: { aws: stagelightAwsExtensionPoint, s: coreServices.scheduler },
          async init({ aws, s }) {
            aws.addClientCustomizer(refuseAssumeRole(REFUSED_ACCOUNT));
            aws.addClientCustomizer(counter.customizer);
            scheduler = s;
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        stagelightPlugin,
        probe,
        mockServices.rootConfig.factory({
          data: accountFleetConfig(local.moto().endpoint, local.api(), {
            refresh: { interval: { hours: 1 }, timeout: { minutes: 5 } },
          }),
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  /** The API's desired count in the environment's own account and region. */
  async function desiredCount(clinic: string, stage: string) {
    const { accountId, region } = placementOf(clinic);
    const ecs = new ECSClient({
      ...localAwsClientConfig(local.moto().endpoint, region),
      credentials: credentials.get(accountId)!,
    });
    try {
      const res = await ecs.send(
        new DescribeServicesCommand({
          cluster: envNames({ clinic, stage }).cluster,
          services: ['api'],
        }),
      );
      return res.services?.[0]?.desiredCount;
    } finally {
      ecs.destroy();
    }
  }

  async function operationEnd(id: string) {
    for (let i = 0; i < 600; i++) {
      const op = (await request(server).get(`/api/stagelight/operations/${id}`))
        .body;
      if (op.status === 'succeeded' || op.status === 'failed') return op;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`operation ${id} did not end`);
  }

  it("discovers every environment in its own account and region; the refused account's failure touches none of them", async () => {
    const res = await waitForSnapshot(server);
    const names = res.body.items.map((e: any) => `${e.clinic}/${e.stage}`);
    expect(names.sort()).toEqual(
      ACCOUNT_FLEET.flatMap(p =>
        p.environments.map(e => `${e.clinic}/${e.stage}`),
      ).sort(),
    );
    for (const e of res.body.items) {
      expect(e).toMatchObject({
        power: 'awake',
        readiness: 'ready',
        errors: [],
      });
    }
    const detail = await request(server).get(
      '/api/stagelight/environments?include=resources',
    );
    for (const e of detail.body.items) {
      const { accountId, region } = placementOf(e.clinic);
      const located = e.resources.filter((r: any) => r.type !== 's3');
      expect(located.length).toBeGreaterThan(0);
      for (const r of located) {
        expect({ accountId: r.accountId, region: r.region }).toEqual({
          accountId,
          region,
        });
      }
    }
  });

  it('sleeps and wakes an environment in each account, acting in that account', async () => {
    for (const [clinic, stage] of [
      ['alder', 'dev'],
      ['aspen', 'dev'],
      ['birch', 'dev'],
      ['cedar', 'dev'],
    ]) {
      const sleep = await request(server)
        .post(`/api/stagelight/environments/${clinic}/${stage}/sleep`)
        .send({ reason: 'night' });
      expect(sleep.status).toBe(202);
      expect((await operationEnd(sleep.body.operation.id)).status).toBe(
        'succeeded',
      );
      expect(await desiredCount(clinic, stage)).toBe(0);

      const wake = await request(server)
        .post(`/api/stagelight/environments/${clinic}/${stage}/wake`)
        .send({ reason: 'morning', leaseHours: 1 });
      expect(wake.status).toBe(202);
      expect((await operationEnd(wake.body.operation.id)).status).toBe(
        'succeeded',
      );
      expect(await desiredCount(clinic, stage)).toBe(1);
    }
  });

  it('counts the AWS calls of one refresh of the three-account fleet, by account and operation', async () => {
    const before = (await request(server).get('/api/stagelight/environments'))
      .body.refreshedAt;
    counter.reset();
    await scheduler.triggerTask('stagelight-status-refresh');
    for (let i = 0; i < 600; i++) {
      const now = (await request(server).get('/api/stagelight/environments'))
        .body.refreshedAt;
      if (now !== before) break;
      await new Promise(r => setTimeout(r, 50));
    }
    const byLocation = counter.countsByLocation();
    // Printed for the closing note: calls per refresh by account/region and operation.
    // eslint-disable-next-line no-console
    console.log(
      `AWS calls of one steady-state refresh, by account|region:\n${JSON.stringify(
        byLocation,
        null,
        2,
      )}\ntotal ${counter.total()}`,
    );
    for (const p of ACCOUNT_FLEET) {
      expect(
        byLocation[`${p.accountId}|${p.region}`]['tagging:GetResourcesCommand'],
      ).toBeGreaterThan(0);
    }
    // Credentials outlive a refresh: no working account assumes its role again.
    for (const p of ACCOUNT_FLEET) {
      expect(
        byLocation[`${p.accountId}|${p.region}`]['sts:AssumeRoleCommand'],
      ).toBeUndefined();
    }
    // The refused account is tried (and refused) at STS; nothing else is sent there.
    expect(
      Object.keys(byLocation[`${REFUSED_ACCOUNT}|us-east-1`] ?? {}),
    ).toEqual(['sts:AssumeRoleCommand']);
  });

  it("reads cost in the payer account and gives each account's clinics their own cost", async () => {
    const payer = '111111111111';
    const environments = ACCOUNT_FLEET.flatMap(p =>
      p.environments.map(
        (e, i) =>
          ({
            clinic: e.clinic,
            stage: e.stage,
            asleep: false,
            dailyCostAwake: 10 * (ACCOUNT_FLEET.indexOf(p) + 1) + i,
          } as unknown as DemoEnvironment),
      ),
    );
    const pages = demoCostPages({ region: 'us-east-1', environments }, T0, {
      days: 30,
      pages: 1,
    });
    // moto keeps Cost Explorer results per account: queue them in the payer's.
    const queued = await fetch(
      `${local.moto().endpoint}/moto-api/static/ce/cost-and-usage-results`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account_id: payer, results: pages }),
      },
    );
    expect(queued.status).toBe(201);

    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    try {
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const config = new ConfigReader(
        accountFleetConfig(local.moto().endpoint, local.api(), {
          cost: { accountId: payer },
        }),
      );
      const costCounter = new CallCounter();
      const settings = readCostSettings(config);
      let ceCalls = 0;
      const cost = createCostModule({
        knex,
        settings,
        clock: { now: () => T0 },
        logger: mockServices.logger.mock(),
        clientFactory: createCostExplorerClientFactory({
          credentialsManager: AccountCredentials.fromConfig(config, {
            endpoint: local.moto().endpoint,
            customizers: [costCounter.customizer],
          }),
          settings,
          customize: client => countAttempts(client, () => ceCalls++),
        }),
      });
      expect(await cost.refresher.refreshIfStale()).toBe('refreshed');
      expect(ceCalls).toBeGreaterThan(0);
      // Cost Explorer is asked with the payer account's role, assumed once.
      expect(costCounter.countsByLocation()).toEqual({
        [`${payer}|us-east-1`]: { 'sts:AssumeRoleCommand': 1 },
      });

      const summary = await cost.reports.summary();
      const monthToDate = (clinic: string) =>
        summary.byClinic.find(c => c.clinic === clinic)?.monthToDate;
      const expected = (clinic: string) =>
        pages[0].ResultsByTime.filter(d => d.TimePeriod.Start >= '2026-11-01')
          .flatMap(d => d.Groups)
          .filter(g => g.Keys[1].endsWith(`$${clinic}`))
          .reduce((s, g) => s + Number(g.Metrics.UnblendedCost.Amount), 0);
      for (const clinic of ['alder', 'aspen', 'birch', 'cedar']) {
        // Reports round to cents.
        expect(monthToDate(clinic)).toBeCloseTo(expected(clinic), 1);
      }
    } finally {
      await knex.destroy();
    }
  });
});
