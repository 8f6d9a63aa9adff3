import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { RDSClient, StartDBInstanceCommand } from '@aws-sdk/client-rds';
import { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import {
  localAwsClientConfig,
  MotoServer,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { DEFAULT_TAG_KEYS, environmentTagList } from '@stagelight/tag-contract';
import { Knex } from 'knex';
import {
  addAuroraInstances,
  addServices,
  createFleetFixture,
  createServicesOnlyEnvironment,
  databaseStatus,
  dbInstanceStatus,
  desiredCounts,
  envNames,
  setDesiredCount,
} from '../__testUtils__/fleetFixture';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../__testUtils__/testDatabases';
import {
  startVersionServer,
  VersionServer,
} from '../__testUtils__/versionServer';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import {
  collectRecords,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from './__testUtils__/powerFixture';

jest.setTimeout(90_000);

/**
 * Fleets shaped unlike the demo, on moto: a provisioned RDS instance instead of
 * Aurora, Aurora with a writer and a reader, an environment without a
 * database, services under Application Auto Scaling, a worker the tag contract
 * does not name, Fargate Spot, an untagged cluster beside them, and changes
 * made in the console behind Stagelight's back.
 */
const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

/** Aurora with two instances; api (auto-scaled 2..6), worker (not a contract component) and spot services. */
const MAPLE = { clinic: 'maple', stage: 'dev' };
/** A provisioned PostgreSQL instance, no Aurora. */
const OAK = { clinic: 'oak', stage: 'dev' };
/** ECS only: no database at all. */
const ELM = { clinic: 'elm', stage: 'test' };

const OAK_DB = `${envNames(OAK).prefix}-db`;
const SCALED = { min: 2, max: 6 };

describe.each(databases.eachSupportedId())(
  'estate shapes on %s',
  databaseId => {
    let moto: MotoServer;
    let ecs: ECSClient;
    let scaling: ApplicationAutoScalingClient;
    let rds: RDSClient;
    let knex: Knex;
    let clock: TestClock;
    let store: MemoryEnvironmentStore;
    let records: EnvironmentRecord[];
    let api: VersionServer;
    const stagelight = () => ({
      readiness: {
        baseUrlTemplate: api.baseUrlTemplate,
        probeTimeoutSeconds: 2,
      },
    });

    beforeAll(async () => {
      moto = await startMotoServer();
      api = await startVersionServer();
      // What each environment's API answers at /version once it is up.
      api.served.set('maple/dev', 'm-maple');
      api.served.set('oak/dev', 'any');
      api.served.set('elm/test', 'any');
      const config = localAwsClientConfig(moto.endpoint);
      ecs = new ECSClient(config);
      scaling = new ApplicationAutoScalingClient(config);
      rds = new RDSClient(config);
    }, 120_000);

    afterAll(async () => {
      [ecs, scaling, rds].forEach(c => c?.destroy());
      await api?.close();
      await moto?.stop();
    });

    const serviceId = (env: typeof MAPLE, service: string) =>
      `service/${envNames(env).cluster}/${service}`;

    async function bounds(env: typeof MAPLE, service: string) {
      const res = await scaling.send(
        new DescribeScalableTargetsCommand({
          ServiceNamespace: 'ecs',
          ResourceIds: [serviceId(env, service)],
        }),
      );
      const t = res.ScalableTargets![0];
      return {
        min: t.MinCapacity,
        max: t.MaxCapacity,
        suspended: t.SuspendedState?.DynamicScalingOutSuspended ?? false,
      };
    }

    const refresh = async () => {
      records = await collectRecords(moto.endpoint, stagelight());
      store.set(records);
      return records;
    };
    const recordOf = (env: typeof MAPLE) =>
      records.find(r => r.clinic === env.clinic && r.stage === env.stage)!;

    beforeEach(async () => {
      await moto.reset();
      await createFleetFixture(moto.endpoint, [
        { ...MAPLE, desiredCount: 3, marker: 'm-maple', dbMinCapacity: 0.5 },
      ]);
      await addAuroraInstances(moto.endpoint, MAPLE, 2);
      await addServices(moto.endpoint, MAPLE, { worker: 2 }, { steady: true });
      const cluster = envNames(MAPLE).cluster;
      const { services } = await ecs.send(
        new DescribeServicesCommand({ cluster, services: ['api', 'worker'] }),
      );
      // A service on Fargate Spot beside them.
      await ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: 'spot',
          taskDefinition: services![0].taskDefinition,
          desiredCount: 1,
          capacityProviderStrategy: [
            { capacityProvider: 'FARGATE_SPOT', weight: 1 },
          ],
          tags: environmentTagList({ ...MAPLE, component: 'api' }).map(t => ({
            key: t.Key,
            value: t.Value,
          })),
        }),
      );
      await ecs.send(
        new UpdateServiceCommand({ cluster, service: 'spot', desiredCount: 1 }),
      );
      // A component the tag contract does not list.
      await ecs.send(
        new TagResourceCommand({
          resourceArn: services![1].serviceArn!,
          tags: [{ key: DEFAULT_TAG_KEYS.component, value: 'worker' }],
        }),
      );
      await scaling.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: 'ecs',
          ScalableDimension: 'ecs:service:DesiredCount',
          ResourceId: serviceId(MAPLE, 'api'),
          MinCapacity: SCALED.min,
          MaxCapacity: SCALED.max,
        }),
      );
      await createServicesOnlyEnvironment(moto.endpoint, OAK, {
        desiredCount: 1,
        dbInstance: true,
      });
      await createServicesOnlyEnvironment(moto.endpoint, ELM, {
        desiredCount: 1,
      });
      // Another team's untagged cluster and service in the same region.
      await ecs.send(new CreateClusterCommand({ clusterName: 'not-ours' }));
      await ecs.send(
        new CreateServiceCommand({
          cluster: 'not-ours',
          serviceName: 'batch',
          desiredCount: 0,
        }),
      );

      knex = await databases.init(databaseId);
      await migrate(knex);
      clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
      store = new MemoryEnvironmentStore();
      await refresh();
    });

    const power = () =>
      makePower({
        knex,
        endpoint: moto.endpoint,
        store,
        clock,
        stagelight: stagelight(),
      });

    async function run(
      p: ReturnType<typeof power>,
      started: Promise<{ operation: PowerOperation }>,
    ) {
      const { operation } = await started;
      await p.engine.settled();
      return p.service.getOperation(operation.id);
    }
    const sleep = (p: ReturnType<typeof power>, env: typeof MAPLE) =>
      run(p, p.service.sleep(env, { reason: 'night' }, 'user:default/lee'));
    const wake = (p: ReturnType<typeof power>, env: typeof MAPLE) =>
      run(p, p.service.wake(env, { reason: 'morning' }, 'user:default/lee'));

    it('discovers each shape with its database, services and scaling', async () => {
      expect(records.map(r => `${r.clinic}/${r.stage}`).sort()).toEqual([
        'elm/test',
        'maple/dev',
        'oak/dev',
      ]);
      const maple = recordOf(MAPLE);
      expect(maple.errors).toEqual([]);
      expect(maple.power).toBe('awake');
      // The tagged members are the cluster's instances, not databases of their own.
      expect(maple.database).toMatchObject({
        kind: 'cluster',
        identifier: envNames(MAPLE).dbCluster,
        status: 'available',
      });
      expect(maple.database!.instances.map(i => i.identifier)).toEqual([
        `${envNames(MAPLE).dbCluster}-1`,
        `${envNames(MAPLE).dbCluster}-2`,
      ]);
      expect(
        maple.database!.instances.every(i => i.status === 'available'),
      ).toBe(true);
      // moto keeps no per-service capacity provider strategy (EcsAdapter.test reads one).
      expect(
        Object.fromEntries(
          maple.services.map(s => [s.name, [s.desired, s.scaling]]),
        ),
      ).toEqual({
        api: [3, { ...SCALED, suspended: false }],
        worker: [2, null],
        spot: [1, null],
      });
      expect(
        maple.resources.find(r => r.arn.endsWith('/worker'))?.component,
      ).toBe('worker');

      const oak = recordOf(OAK);
      expect(oak.errors).toEqual([]);
      expect(oak.power).toBe('awake');
      expect(oak.database).toMatchObject({
        kind: 'instance',
        identifier: OAK_DB,
        engine: 'postgres',
        status: 'available',
        instances: [
          expect.objectContaining({ identifier: OAK_DB, writer: true }),
        ],
      });

      const elm = recordOf(ELM);
      expect(elm).toMatchObject({ database: null, power: 'awake', errors: [] });
    });

    it('lowers auto scaling to 0..0 for sleep, powers every service, and restores the exact bounds', async () => {
      const p = power();
      const slept = await sleep(p, MAPLE);
      expect(slept).toMatchObject({ status: 'succeeded', outcome: 'asleep' });
      expect(slept.steps.find(s => s.name === 'release-scaling')).toMatchObject(
        {
          status: 'done',
        },
      );
      expect(
        await desiredCounts(moto.endpoint, MAPLE, ['api', 'worker', 'spot']),
      ).toEqual({ api: 0, worker: 0, spot: 0 });
      expect(await bounds(MAPLE, 'api')).toEqual({
        min: 0,
        max: 0,
        suspended: true,
      });
      expect(await databaseStatus(moto.endpoint, MAPLE)).toBe('stopped');
      // Remembered on the service as well as in the plugin database.
      const apiService = recordOf(MAPLE).services.find(s => s.name === 'api')!;
      const { tags } = await ecs.send(
        new ListTagsForResourceCommand({ resourceArn: apiService.arn }),
      );
      expect(tags).toContainEqual({
        key: DEFAULT_TAG_KEYS.scalingBounds,
        value: 'min=2/max=6/suspended=',
      });

      await refresh();
      expect(recordOf(MAPLE).power).toBe('asleep');
      expect(
        recordOf(MAPLE).services.find(s => s.name === 'api')!.scaling,
      ).toEqual({
        min: 0,
        max: 0,
        suspended: true,
      });

      // A second sleep must not remember 0..0 or 0 over what the first one kept.
      const again = await sleep(p, MAPLE);
      expect(
        again.steps.find(s => s.name === 'release-scaling')!.result,
      ).toMatchObject({
        released: {},
        alreadyAsleep: [apiService.arn],
      });

      const woke = await wake(p, MAPLE);
      expect(woke).toMatchObject({ status: 'succeeded', outcome: 'awake' });
      expect(woke.steps.map(s => s.name)).toEqual([
        'start-db',
        'wait-db-available',
        'restore-scaling',
        'restore-counts',
        'wait-ready',
      ]);
      expect(await bounds(MAPLE, 'api')).toEqual({
        ...SCALED,
        suspended: false,
      });
      expect(
        await desiredCounts(moto.endpoint, MAPLE, ['api', 'worker', 'spot']),
      ).toEqual({ api: 3, worker: 2, spot: 1 });
      expect(await databaseStatus(moto.endpoint, MAPLE)).toBe('available');
    });

    it('restores the bounds from the service tag when the plugin database lost them', async () => {
      const p = power();
      await sleep(p, MAPLE);
      await knex('stagelight_power_scaling').delete();
      const woke = await wake(p, MAPLE);
      expect(woke.status).toBe('succeeded');
      expect(
        woke.steps.find(s => s.name === 'restore-scaling')!.result,
      ).toMatchObject({
        restored: {
          [recordOf(MAPLE).services.find(s => s.name === 'api')!.arn]: {
            bounds: 'min=2/max=6/suspended=',
            source: 'tag',
          },
        },
      });
      expect(await bounds(MAPLE, 'api')).toEqual({
        ...SCALED,
        suspended: false,
      });
    });

    it('stops and starts a provisioned RDS instance, and puts it back to sleep after its automatic start', async () => {
      const p = power();
      const slept = await sleep(p, OAK);
      expect(slept).toMatchObject({ status: 'succeeded', outcome: 'asleep' });
      expect(slept.steps.find(s => s.name === 'stop-db')!.result).toMatchObject(
        {
          database: OAK_DB,
          stopped: true,
        },
      );
      expect(await dbInstanceStatus(moto.endpoint, OAK_DB)).toBe('stopped');
      await refresh();
      expect(recordOf(OAK)).toMatchObject({
        power: 'asleep',
        database: expect.objectContaining({
          kind: 'instance',
          status: 'stopped',
        }),
      });

      // A schedule that says asleep now (the window ended at 11:00 Berlin time).
      await p.schedules.put(
        OAK,
        p.requests.schedule({
          timeZone: 'Europe/Berlin',
          windows: [{ days: ['wed'], start: '08:00', end: '11:00' }],
        }),
        'user:default/lee',
      );
      await p.applySchedules();
      await p.engine.settled();

      // AWS starts a stopped instance again after 7 days.
      clock.advance(7 * 86_400_000);
      await rds.send(
        new StartDBInstanceCommand({ DBInstanceIdentifier: OAK_DB }),
      );
      await refresh();
      expect(recordOf(OAK).power).toBe('partial');
      const { started } = await p.applySchedules();
      expect(started).toEqual([
        expect.objectContaining({ kind: 'sleep', trigger: 'schedule' }),
      ]);
      await p.engine.settled();
      expect(await dbInstanceStatus(moto.endpoint, OAK_DB)).toBe('stopped');

      const woke = await wake(p, OAK);
      expect(woke).toMatchObject({ status: 'succeeded', outcome: 'awake' });
      expect(await dbInstanceStatus(moto.endpoint, OAK_DB)).toBe('available');
      expect(await desiredCounts(moto.endpoint, OAK, ['api'])).toEqual({
        api: 1,
      });
    });

    it('sleeps and wakes an environment without a database', async () => {
      const p = power();
      const slept = await sleep(p, ELM);
      expect(slept.status).toBe('succeeded');
      expect(slept.steps.find(s => s.name === 'stop-db')).toMatchObject({
        status: 'skipped',
        result: { reason: 'no database' },
      });
      expect(await desiredCounts(moto.endpoint, ELM, ['api'])).toEqual({
        api: 0,
      });
      expect((await wake(p, ELM)).status).toBe('succeeded');
      expect(await desiredCounts(moto.endpoint, ELM, ['api'])).toEqual({
        api: 1,
      });
    });

    it('shows a change made in the console while asleep, and the next scheduled sleep undoes it without forgetting', async () => {
      const p = power();
      await sleep(p, MAPLE);
      // Someone scales the worker up by hand while the environment sleeps.
      await setDesiredCount(moto.endpoint, MAPLE, 0);
      const cluster = envNames(MAPLE).cluster;
      const worker = recordOf(MAPLE).services.find(s => s.name === 'worker')!;
      await ecs.send(
        new UpdateServiceCommand({
          cluster,
          service: worker.arn,
          desiredCount: 4,
        }),
      );
      await refresh();
      expect(recordOf(MAPLE).power).toBe('partial');

      await p.schedules.put(
        MAPLE,
        p.requests.schedule({
          timeZone: 'Europe/Berlin',
          windows: [{ days: ['wed'], start: '08:00', end: '11:00' }],
        }),
        'user:default/lee',
      );
      const { started } = await p.applySchedules();
      expect(started).toHaveLength(1);
      await p.engine.settled();
      expect(
        await desiredCounts(moto.endpoint, MAPLE, ['api', 'worker', 'spot']),
      ).toEqual({ api: 0, worker: 0, spot: 0 });

      // The api's remembered 3 survives (it was already 0); the worker's newest count, 4, is what wakes.
      const woke = await wake(p, MAPLE);
      expect(woke.status).toBe('succeeded');
      expect(
        await desiredCounts(moto.endpoint, MAPLE, ['api', 'worker', 'spot']),
      ).toEqual({ api: 3, worker: 4, spot: 1 });
      expect(await bounds(MAPLE, 'api')).toEqual({
        ...SCALED,
        suspended: false,
      });
    });
  },
);
