import { mockServices } from '@backstage/backend-test-utils';
import { RDSClient, StopDBClusterCommand } from '@aws-sdk/client-rds';
import { localAwsClientConfig } from '@internal/stagelight-local-aws';
import { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { CallCounter } from '../aws/CallCounter';
import { DatabaseEnvironmentStore } from '../snapshot/EnvironmentStore';
import {
  migrate,
  TestClock,
  testStatusCollector,
} from '../power/__testUtils__/powerFixture';
import {
  createFleetFixture,
  envNames,
  setDesiredCount,
} from '../__testUtils__/fleetFixture';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../__testUtils__/testDatabases';
import { localAwsSuite } from '../__testUtils__/localAwsSuite';
import { EnvironmentStatusUpdater } from './EnvironmentStatusUpdater';
import { StatusRefresher } from './StatusRefresher';

jest.setTimeout(60_000);

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

const DEV = { clinic: 'alder', stage: 'dev' };
const TEST = { clinic: 'alder', stage: 'test' };
const TTL_MS = 5_000;

const operation = (status: PowerOperation['status']) =>
  ({
    id: 'op-1',
    kind: 'sleep',
    ...DEV,
    status,
  } as PowerOperation);

describe.each(databases.eachSupportedId())(
  'status after an operation on %s',
  databaseId => {
    const local = localAwsSuite();

    beforeEach(async () => {
      await local.moto().reset();
      await createFleetFixture(local.moto().endpoint, [
        {
          ...DEV,
          desiredCount: 2,
          marker: 'm-dev',
          dbMinCapacity: 0.5,
          queued: 3,
        },
        { ...TEST, desiredCount: 1, marker: 'm-test', dbMinCapacity: 0.5 },
      ]);
      local.api().served.set('alder/dev', 'm-dev');
      local.api().served.set('alder/test', 'm-test');
    });

    async function setup() {
      const knex = await databases.init(databaseId);
      await migrate(knex);
      const clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
      const counter = new CallCounter();
      const collector = testStatusCollector(local.moto().endpoint, {
        stagelight: {
          readiness: { baseUrlTemplate: local.api().baseUrlTemplate },
        },
        clock,
        customizers: [counter.customizer],
      });
      const store = new DatabaseEnvironmentStore(knex, clock, TTL_MS);
      const refresher = new StatusRefresher({
        collector,
        store,
        clock,
        logger: mockServices.logger.mock(),
      });
      const updater = new EnvironmentStatusUpdater({
        collector,
        store,
        logger: mockServices.logger.mock(),
      });
      return { knex, clock, counter, collector, store, refresher, updater };
    }

    async function putToSleepBehindTheSnapshot() {
      await setDesiredCount(local.moto().endpoint, DEV, 0);
      const rds = new RDSClient(localAwsClientConfig(local.moto().endpoint));
      await rds.send(
        new StopDBClusterCommand({
          DBClusterIdentifier: envNames(DEV).dbCluster,
        }),
      );
      rds.destroy();
    }

    it('re-reads the environment when its operation ends, for every replica', async () => {
      const { knex, clock, counter, store, refresher, updater } = await setup();
      await refresher.refresh();
      const before = (await store.get(DEV.clinic, DEV.stage))!;
      expect(before).toMatchObject({ power: 'awake', readiness: 'ready' });
      const otherReplica = new DatabaseEnvironmentStore(knex, clock, TTL_MS);
      expect((await otherReplica.get(DEV.clinic, DEV.stage))!.power).toBe(
        'awake',
      );

      await putToSleepBehindTheSnapshot();
      clock.advance(1_000);
      await updater.operationChanged(operation('running'));
      expect((await store.get(DEV.clinic, DEV.stage))!.power).toBe('awake');

      counter.reset();
      await updater.operationChanged(operation('succeeded'));
      const after = (await store.get(DEV.clinic, DEV.stage))!;
      expect(after).toMatchObject({
        power: 'asleep',
        readiness: 'asleep',
        refreshedAt: '2026-06-10T12:00:01.000Z',
        database: expect.objectContaining({ status: 'stopped' }),
        services: [expect.objectContaining({ desired: 0, running: 0 })],
        // Not re-read: kept until the next full refresh.
        queue: before.queue,
        functions: before.functions,
      });
      // Only the environment's own service (with its scaling bounds) and
      // database (the cluster and its instances) were read.
      expect(counter.counts()).toEqual({
        'ecs:DescribeServicesCommand': 1,
        'scaling:DescribeScalableTargetsCommand': 1,
        'rds:DescribeDBClustersCommand': 1,
        'rds:DescribeDBInstancesCommand': 1,
      });
      expect((await store.get(TEST.clinic, TEST.stage))!.power).toBe('awake');

      // Another replica sees it once its in-memory copy expires.
      clock.advance(TTL_MS);
      expect((await otherReplica.get(DEV.clinic, DEV.stage))!.power).toBe(
        'asleep',
      );
    });

    it('keeps a re-read record over a full refresh that began before it', async () => {
      const { clock, collector, store, refresher, updater } = await setup();
      await refresher.refresh();
      // A full refresh reads AWS while the environment is still awake...
      clock.advance(1_000);
      const startedAt = clock.now().toISOString();
      const { records: stale } = await collector.collect();
      // ...the operation ends and the environment is re-read meanwhile...
      await putToSleepBehindTheSnapshot();
      clock.advance(1_000);
      await updater.operationChanged(operation('succeeded'));
      // ...and the full refresh stores what it read.
      clock.advance(1_000);
      await store.replace(stale, {
        refreshedAt: clock.now().toISOString(),
        durationMs: 2_000,
        startedAt,
      });
      expect((await store.get(DEV.clinic, DEV.stage))!.power).toBe('asleep');
      expect((await store.get(TEST.clinic, TEST.stage))!.power).toBe('awake');

      // The next full refresh reads the new state and replaces the record as usual.
      clock.advance(1_000);
      await refresher.refresh();
      expect(await store.get(DEV.clinic, DEV.stage)).toMatchObject({
        power: 'asleep',
        refreshedAt: '2026-06-10T12:00:04.000Z',
      });
    });
  },
);
