import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { localAwsSuite } from './__testUtils__/localAwsSuite';
import { CallCounter } from './aws/CallCounter';
import { stagelightPlugin } from './plugin';
import { awsCustomizerModule } from './__testUtils__/awsCustomizerModule';
import { FaultInjector } from './__testUtils__/faults';
import {
  ALDER_PROD,
  BIRCH_DEV_ASLEEP,
  createFleetFixture,
  FixtureEnvironment,
} from './__testUtils__/fleetFixture';
import {
  createTestDatabases,
  postgresMissingInCi,
} from './__testUtils__/testDatabases';
import { testConfigData } from './__testUtils__/testSettings';
import { waitForSnapshot } from './__testUtils__/waitForSnapshot';

jest.setTimeout(120_000);

const FLEET: FixtureEnvironment[] = [
  {
    clinic: 'alder',
    stage: 'dev',
    desiredCount: 2,
    marker: 'm-alder-dev',
    queued: 2,
  },
  ALDER_PROD,
  BIRCH_DEV_ASLEEP,
];

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

describe.each(databases.eachSupportedId())(
  'stagelight backend on %s',
  databaseId => {
    const local = localAwsSuite();

    beforeAll(async () => {
      await createFleetFixture(local.moto().endpoint, FLEET);
      local.api().served.set('alder/dev', 'm-alder-dev');
      local.api().served.set('alder/prod', 'm-alder-prod-1');
    });

    const awsModule = (...customizers: Array<CallCounter | FaultInjector>) =>
      awsCustomizerModule('test-aws', ...customizers.map(c => c.customizer));

    const config = () =>
      mockServices.rootConfig.factory({
        data: testConfigData(local.moto().endpoint, {
          readiness: {
            baseUrlTemplate: local.api().baseUrlTemplate,
            pollIntervalSeconds: 0.1,
            maxWaitSeconds: 30,
            probeTimeoutSeconds: 2,
          },
          refresh: { memoryTtlSeconds: 0.001 },
        }),
      });

    it('serves the fleet, validates input and long-polls for a marker', async () => {
      const knex = await databases.init(databaseId);
      const counter = new CallCounter();
      const { server } = await startTestBackend({
        features: [
          stagelightPlugin,
          awsModule(counter),
          config(),
          mockServices.database.factory({ knex }),
        ],
      });

      const list = await waitForSnapshot(server);
      expect(
        list.body.items.map((e: any) => [
          e.clinic,
          e.stage,
          e.power,
          e.readiness,
        ]),
      ).toEqual([
        ['alder', 'dev', 'awake', 'ready'],
        ['alder', 'prod', 'awake', 'stale'],
        ['birch', 'dev', 'asleep', 'asleep'],
      ]);
      expect(list.body.items[0]).toEqual(
        expect.objectContaining({
          expectedMarker: 'm-alder-dev',
          servedMarker: 'm-alder-dev',
          queue: {
            visible: 2,
            inFlight: 0,
            delayed: 0,
            dlq: 0,
            oldestAgeSeconds: null,
          },
          errors: [],
          dataAgeSeconds: expect.any(Number),
          refreshedAt: expect.any(String),
        }),
      );
      expect(list.body.items[0].resources).toBeUndefined();
      expect(list.body.stages.map((s: any) => [s.name, s.protected])).toEqual([
        ['dev', false],
        ['test', false],
        ['staging', false],
        ['prod', true],
      ]);
      expect(list.body.dataAgeSeconds).toEqual(expect.any(Number));

      const filtered = await request(server).get(
        '/api/stagelight/environments?clinic=alder&power=awake',
      );
      expect(filtered.body.items.map((e: any) => e.stage)).toEqual([
        'dev',
        'prod',
      ]);
      const full = await request(server).get(
        '/api/stagelight/environments?stage=dev&include=resources',
      );
      expect(full.body.items).toHaveLength(2);
      expect(full.body.items[0].resources.length).toBeGreaterThan(5);

      const detail = await request(server).get(
        '/api/stagelight/environments/alder/dev',
      );
      expect(detail.status).toBe(200);
      expect(detail.body.services[0]).toEqual(
        expect.objectContaining({
          desired: 2,
          running: 2,
          deployMarker: 'm-alder-dev',
        }),
      );
      expect(detail.body.database.status).toBe('available');
      expect(detail.body.functions).toHaveLength(2);

      const clinics = await request(server).get('/api/stagelight/clinics');
      expect(
        clinics.body.items.map((c: any) => [
          c.clinic,
          c.stages.map((s: any) => s.stage),
        ]),
      ).toEqual([
        ['alder', ['dev', 'prod']],
        ['birch', ['dev']],
      ]);

      // Bad input and unknown environments answer 400 / 404 with a message.
      const expectError = async (
        path: string,
        status: number,
        message: RegExp,
      ) => {
        const res = await request(server).get(path);
        expect(res.status).toBe(status);
        expect(res.body.error.message).toMatch(message);
      };
      await expectError(
        '/api/stagelight/environments/zed/dev',
        404,
        /No environment for clinic 'zed'/,
      );
      await expectError(
        '/api/stagelight/environments/alder/qa',
        404,
        /Unknown stage 'qa'/,
      );
      await expectError(
        '/api/stagelight/environments/Bad_Clinic/dev',
        400,
        /clinic/,
      );
      await expectError(
        '/api/stagelight/environments?power=sideways',
        400,
        /power/,
      );
      await expectError(
        '/api/stagelight/environments?stage=qa',
        400,
        /stage must be one of dev, test, staging, prod/,
      );
      await expectError(
        '/api/stagelight/environments?colour=red',
        400,
        /colour/,
      );
      await expectError(
        '/api/stagelight/environments/alder/dev/readiness?timeoutSeconds=soon',
        400,
        /timeoutSeconds/,
      );
      await expectError(
        '/api/stagelight/environments/alder/dev/readiness?timeoutSeconds=31',
        400,
        /at most 30/,
      );
      await expectError(
        '/api/stagelight/environments/alder/dev/readiness?marker=%3Cscript%3E',
        400,
        /marker/,
      );
      await expectError(
        '/api/stagelight/environments/zed/dev/readiness?marker=x',
        404,
        /zed/,
      );

      // The contract is served for clients and pipelines.
      const openapi = await request(server).get('/api/stagelight/openapi.json');
      expect(Object.keys(openapi.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/stagelight/environments/{clinic}/{stage}/readiness',
        ]),
      );

      // Long-poll: served at once.
      const ready = await request(server).get(
        '/api/stagelight/environments/alder/dev/readiness?marker=m-alder-dev',
      );
      expect(ready.body).toEqual(
        expect.objectContaining({
          outcome: 'ready',
          marker: 'm-alder-dev',
          servedMarker: 'm-alder-dev',
          probes: 1,
        }),
      );
      // Without a marker the task definition's marker is awaited; the old one stays served.
      const stale = await request(server).get(
        '/api/stagelight/environments/alder/prod/readiness?timeoutSeconds=1',
      );
      expect(stale.body).toEqual(
        expect.objectContaining({
          outcome: 'stale',
          marker: 'm-alder-prod-2',
          servedMarker: 'm-alder-prod-1',
        }),
      );
      expect(stale.body.probes).toBeGreaterThan(1);
      // The new marker goes live while the pipeline waits.
      setTimeout(
        () => local.api().served.set('alder/prod', 'm-alder-prod-2'),
        300,
      );
      const later = await request(server).get(
        '/api/stagelight/environments/alder/prod/readiness?timeoutSeconds=20',
      );
      expect(later.body).toEqual(
        expect.objectContaining({
          outcome: 'ready',
          servedMarker: 'm-alder-prod-2',
        }),
      );
      expect(later.body.waitedMs).toBeGreaterThan(0);
      // A sleeping environment answers at once instead of waiting out the timeout.
      const asleep = await request(server).get(
        '/api/stagelight/environments/birch/dev/readiness?timeoutSeconds=20',
      );
      expect(asleep.body).toEqual(
        expect.objectContaining({
          outcome: 'asleep',
          servedMarker: null,
          probes: 1,
        }),
      );
      local.api().served.set('alder/prod', 'm-alder-prod-1');

      // Page views never reach AWS: only the scheduled refresh did.
      const afterRefresh = counter.total();
      await request(server).get('/api/stagelight/environments');
      await request(server).get('/api/stagelight/environments/alder/dev');
      expect(counter.total()).toBe(afterRefresh);

      // Another replica (or a restart) serves the stored snapshot without calling AWS.
      const replicaCounter = new CallCounter();
      const replica = await startTestBackend({
        features: [
          stagelightPlugin,
          awsModule(replicaCounter),
          config(),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        ],
      });
      const fromDb = await request(replica.server).get(
        '/api/stagelight/environments/alder/prod',
      );
      expect(fromDb.status).toBe(200);
      expect(fromDb.body.readiness).toBe('stale');
      expect(replicaCounter.total()).toBe(0);
      await replica.stop();
    });

    it('checks the read permission and authentication', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          stagelightPlugin,
          config(),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        ],
      });
      const denied = await request(server).get('/api/stagelight/environments');
      expect(denied.status).toBe(403);
      const anonymous = await request(server)
        .get('/api/stagelight/clinics')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('reports a persistently failing environment with an error while the rest answer', async () => {
      const knex = await databases.init(databaseId);
      const faults = new FaultInjector();
      faults.set([
        {
          service: 'ecs',
          operation: 'DescribeServices',
          match: input => input.cluster === 'ir-alder-prod',
          fault: { kind: 'server-error', status: 502 },
        },
      ]);
      const { server } = await startTestBackend({
        features: [
          stagelightPlugin,
          awsModule(faults),
          config(),
          mockServices.database.factory({ knex }),
        ],
      });
      const list = await waitForSnapshot(server);
      const byKey = new Map(
        list.body.items.map((e: any) => [`${e.clinic}/${e.stage}`, e]),
      );
      expect(byKey.get('alder/prod')).toEqual(
        expect.objectContaining({
          power: 'unknown',
          errors: [expect.objectContaining({ source: 'ecs:DescribeServices' })],
        }),
      );
      expect(byKey.get('alder/dev')).toEqual(
        expect.objectContaining({ power: 'awake', errors: [] }),
      );
      const detail = await request(server).get(
        '/api/stagelight/environments/alder/prod',
      );
      expect(detail.status).toBe(200);
      expect(detail.body.errors[0].message).toMatch(/InternalFailure/);
    });

    it('exposes its actions through the actions registry and reports operations on signals and notifications', async () => {
      const knex = await databases.init(databaseId);
      const signals: SignalPayload[] = [];
      const notifications: NotificationSendOptions[] = [];
      const { server } = await startTestBackend({
        features: [
          stagelightPlugin,
          config(),
          mockServices.database.factory({ knex }),
          createServiceFactory({
            service: signalsServiceRef,
            deps: {},
            factory: () => ({
              publish: async (signal: SignalPayload<any>) => {
                signals.push(signal);
              },
            }),
          }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (n: NotificationSendOptions) => {
                notifications.push(n);
              },
            }),
          }),
        ],
      });
      await waitForSnapshot(server);

      const list = await request(server).get(
        '/api/stagelight/.backstage/actions/v1/actions',
      );
      expect(list.status).toBe(200);
      expect(
        list.body.actions.map((a: any) => [a.id, a.attributes.destructive]),
      ).toEqual([
        ['stagelight:list-environments', false],
        ['stagelight:get-environment-status', false],
        ['stagelight:wake-environment', true],
        ['stagelight:sleep-environment', true],
        ['stagelight:extend-lease', false],
        ['stagelight:end-lease', true],
        ['stagelight:get-schedule', false],
        ['stagelight:set-schedule', true],
        ['stagelight:remove-schedule-override', true],
        ['stagelight:wait-for-deploy-marker', false],
        ['stagelight:get-cost', false],
      ]);

      const status = await request(server)
        .post(
          '/api/stagelight/.backstage/actions/v1/actions/stagelight:get-environment-status/invoke',
        )
        .send({ clinic: 'alder', stage: 'dev' });
      expect(status.status).toBe(200);
      expect(status.body.output).toMatchObject({
        clinic: 'alder',
        stage: 'dev',
        power: 'awake',
        readiness: 'ready',
        latestOperation: null,
      });

      const prod = await request(server)
        .post(
          '/api/stagelight/.backstage/actions/v1/actions/stagelight:sleep-environment/invoke',
        )
        .send({ clinic: 'alder', stage: 'prod', reason: 'save money' });
      expect(prod.status).toBe(409);
      const bulk = await request(server)
        .post('/api/stagelight/stages/prod/sleep')
        .send({ reason: 'save money' });
      expect(bulk.status).toBe(202);
      expect(bulk.body).toEqual({
        scope: { stage: 'prod' },
        started: [],
        skipped: [
          {
            clinic: 'alder',
            stage: 'prod',
            reason:
              "Stage 'prod' is protected: its environments are never put to sleep",
          },
        ],
      });

      const sleep = await request(server)
        .post(
          '/api/stagelight/.backstage/actions/v1/actions/stagelight:sleep-environment/invoke',
        )
        .send({ clinic: 'birch', stage: 'dev', reason: 'night' });
      expect(sleep.status).toBe(200);
      const id = sleep.body.output.operation.id;
      let op: any;
      for (let i = 0; i < 200; i++) {
        op = (await request(server).get(`/api/stagelight/operations/${id}`))
          .body;
        if (op.status === 'succeeded' || op.status === 'failed') break;
        await new Promise(r => setTimeout(r, 50));
      }
      expect(op.status).toBe('succeeded');
      // The notifier hears of the end after the environment's re-read (so a
      // page refetching on the signal sees the new state): wait for it.
      const ofOperation = () =>
        signals.filter(s => (s.message as any).operationId === id);
      // Up to 30 s: on a busy machine the re-read against moto takes seconds.
      for (let i = 0; i < 600; i++) {
        if ((ofOperation().at(-1)?.message as any)?.status === 'succeeded') {
          break;
        }
        await new Promise(r => setTimeout(r, 50));
      }
      const ours = ofOperation();
      expect(ours.length).toBeGreaterThan(1);
      expect(ours[0]).toMatchObject({
        channel: 'stagelight:operation',
        recipients: { type: 'broadcast' },
      });
      expect(ours[ours.length - 1].message).toMatchObject({
        status: 'succeeded',
        outcome: 'asleep',
      });
      expect(notifications).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: 'user:default/mock' },
          payload: expect.objectContaining({
            title: 'birch/dev is asleep',
            link: '/catalog/default/system/birch/stagelight',
          }),
        }),
      ]);
      const history = await request(server).get(
        '/api/stagelight/environments/birch/dev/history',
      );
      expect(history.body.items.slice(0, 2)).toEqual([
        expect.objectContaining({
          action: 'environment-sleep-ended',
          result: 'succeeded',
          detail: expect.stringMatching(/^asleep after \d+ s$/),
          operationId: id,
        }),
        expect.objectContaining({
          action: 'environment-sleep',
          result: 'succeeded',
          operationId: id,
        }),
      ]);
    });
  },
);
