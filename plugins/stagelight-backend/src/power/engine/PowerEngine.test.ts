import { ECSClient, ListTagsForResourceCommand } from '@aws-sdk/client-ecs';
import { RDSClient, StartDBClusterCommand } from '@aws-sdk/client-rds';
import {
  MotoServer,
  startMotoServer,
  localAwsClientConfig,
} from '@internal/stagelight-local-aws';
import { DEFAULT_TAG_KEYS } from '@stagelight/tag-contract';
import { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { Knex } from 'knex';
import { FaultInjector } from '../../__testUtils__/faults';
import {
  addServices,
  createFleetFixture,
  databaseStatus,
  desiredCounts,
  envNames,
} from '../../__testUtils__/fleetFixture';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../../__testUtils__/testDatabases';
import {
  startVersionServer,
  VersionServer,
} from '../../__testUtils__/versionServer';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import {
  collectRecords,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../__testUtils__/powerFixture';

jest.setTimeout(60_000);

const databases = createTestDatabases();

it('runs against PostgreSQL 15 in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

const DEV = { clinic: 'alder', stage: 'dev' };
const PROD = { clinic: 'alder', stage: 'prod' };
const PAUSING = { clinic: 'birch', stage: 'dev' };
const COUNTS = { api: 1, worker: 2, web: 5 };

describe.each(databases.eachSupportedId())('power on %s', databaseId => {
  let moto: MotoServer;
  let api: VersionServer;
  let ecs: ECSClient;
  let rds: RDSClient;
  let records: EnvironmentRecord[];
  let knex: Knex;
  let clock: TestClock;
  let store: MemoryEnvironmentStore;
  const stagelight = () => ({
    readiness: { baseUrlTemplate: api.baseUrlTemplate, probeTimeoutSeconds: 2 },
  });

  beforeAll(async () => {
    moto = await startMotoServer();
    api = await startVersionServer();
    ecs = new ECSClient(localAwsClientConfig(moto.endpoint));
    rds = new RDSClient(localAwsClientConfig(moto.endpoint));
  }, 120_000);

  afterAll(async () => {
    ecs?.destroy();
    rds?.destroy();
    await api?.close();
    await moto?.stop();
  });

  beforeEach(async () => {
    await moto.reset();
    await createFleetFixture(moto.endpoint, [
      { ...DEV, desiredCount: COUNTS.api, marker: 'm-dev', dbMinCapacity: 0.5 },
      { ...PROD, desiredCount: 2, marker: 'm-prod', dbMinCapacity: 0.5 },
      { ...PAUSING, desiredCount: 1, marker: 'm-birch', dbMinCapacity: 0 },
    ]);
    // Two more services in alder/dev, so every count must come back exactly.
    await addServices(moto.endpoint, DEV, {
      worker: COUNTS.worker,
      web: COUNTS.web,
    });
    api.served.clear();
    api.served.set('alder/dev', 'm-dev');
    api.served.set('birch/dev', 'm-birch');
    records = await collectRecords(moto.endpoint, stagelight());
    knex = await databases.init(databaseId);
    await migrate(knex);
    clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
    store = new MemoryEnvironmentStore();
    store.set(records);
  });

  const counts = (env = DEV) => desiredCounts(moto.endpoint, env);
  const dbStatus = (env = DEV) => databaseStatus(moto.endpoint, env);

  const power = (extra: Partial<Parameters<typeof makePower>[0]> = {}) =>
    makePower({
      knex,
      endpoint: moto.endpoint,
      store,
      clock,
      stagelight: stagelight(),
      ...extra,
    });

  async function finished(p: ReturnType<typeof power>, op: PowerOperation) {
    await p.engine.settled();
    return p.service.getOperation(op.id);
  }

  it('sleeps and wakes, restoring every service to its exact count', async () => {
    const p = power();
    expect(
      records.find(r => r.clinic === 'alder' && r.stage === 'dev')!.services,
    ).toHaveLength(3);
    const slept = await finished(
      p,
      (
        await p.service.sleep(DEV, { reason: 'night' }, 'user:default/ana')
      ).operation,
    );
    expect(slept).toMatchObject({
      status: 'succeeded',
      outcome: 'asleep',
      kind: 'sleep',
      requestedBy: 'user:default/ana',
    });
    expect(slept.steps.map(s => [s.name, s.status])).toEqual([
      ['remember-counts', 'done'],
      ['release-scaling', 'skipped'],
      ['scale-to-zero', 'done'],
      ['stop-db', 'done'],
    ]);
    expect(await counts()).toEqual({ api: 0, worker: 0, web: 0 });
    expect(await dbStatus()).toBe('stopped');
    const worker = records
      .find(r => r.clinic === 'alder' && r.stage === 'dev')!
      .services.find(s => s.name === 'worker')!;
    const tags = await ecs.send(
      new ListTagsForResourceCommand({ resourceArn: worker.arn }),
    );
    expect(tags.tags).toContainEqual({
      key: DEFAULT_TAG_KEYS.desiredCount,
      value: '2',
    });

    // Sleeping again is harmless and forgets nothing.
    const again = await finished(
      p,
      (
        await p.service.sleep(DEV, { reason: 'again' }, 'user:default/ana')
      ).operation,
    );
    expect(again.status).toBe('succeeded');
    expect(again.steps[0].result).toMatchObject({ remembered: {} });

    const woke = await finished(
      p,
      (
        await p.service.wake(DEV, { reason: 'morning' }, 'user:default/ana')
      ).operation,
    );
    expect(woke).toMatchObject({ status: 'succeeded', outcome: 'awake' });
    expect(woke.steps.map(s => [s.name, s.status])).toEqual([
      ['start-db', 'done'],
      ['wait-db-available', 'done'],
      ['restore-scaling', 'skipped'],
      ['restore-counts', 'done'],
      ['wait-ready', 'done'],
    ]);
    expect(woke.steps[4].result).toMatchObject({ marker: 'm-dev' });
    expect(await counts()).toEqual(COUNTS);
    expect(await dbStatus()).toBe('available');
  });

  it('leaves an auto-pausing Aurora v2 database alone', async () => {
    const p = power();
    const op = await finished(
      p,
      (
        await p.service.sleep(PAUSING, { reason: 'night' }, 'u')
      ).operation,
    );
    expect(op.steps[3]).toMatchObject({ name: 'stop-db', status: 'skipped' });
    expect(op.steps[3].result?.reason).toContain('min capacity 0');
    expect(await dbStatus(PAUSING)).toBe('available');
  });

  it('restores the counts from the service tags when the plugin database was lost', async () => {
    const p = power();
    await finished(
      p,
      (
        await p.service.sleep(DEV, { reason: 'night' }, 'u')
      ).operation,
    );
    // A new, empty plugin database.
    knex = await databases.init(databaseId);
    await migrate(knex);
    const fresh = power();
    const woke = await finished(
      fresh,
      (
        await fresh.service.wake(DEV, { reason: 'morning' }, 'u')
      ).operation,
    );
    expect(woke.status).toBe('succeeded');
    expect(
      Object.values(woke.steps[3].result!.restored as object).map(
        (r: any) => r.source,
      ),
    ).toEqual(['tag', 'tag', 'tag']);
    expect(await counts()).toEqual(COUNTS);
  });

  it('reports a failure after the database started as partial, and a retry completes', async () => {
    const faults = new FaultInjector();
    const p = power({ customizers: [faults.customizer] });
    await finished(
      p,
      (
        await p.service.sleep(DEV, { reason: 'night' }, 'u')
      ).operation,
    );
    faults.set([
      {
        service: 'ecs',
        operation: 'UpdateService',
        fault: { kind: 'server-error', status: 503 },
      },
    ]);
    const failed = await finished(
      p,
      (
        await p.service.wake(DEV, { reason: 'morning' }, 'u')
      ).operation,
    );
    expect(failed).toMatchObject({ status: 'failed', outcome: 'partial' });
    expect(failed.error).toMatch(/^restore-counts: .*Injected server error/);
    expect(failed.steps.map(s => s.status)).toEqual([
      'done',
      'done',
      'skipped',
      'failed',
      'pending',
    ]);
    expect(await dbStatus()).toBe('available');
    expect(await counts()).toEqual({ api: 0, worker: 0, web: 0 });

    faults.clear();
    const retried = await finished(
      p,
      (
        await p.service.wake(DEV, { reason: 'retry' }, 'u')
      ).operation,
    );
    expect(retried).toMatchObject({ status: 'succeeded', outcome: 'awake' });
    expect(retried.steps[0].result).toMatchObject({ already: 'available' });
    expect(await counts()).toEqual(COUNTS);
  });

  it('resumes an operation interrupted mid-way on another engine once the lock expires', async () => {
    const first: ReturnType<typeof power> = power({
      owner: 'replica-a',
      observers: [
        {
          operationChanged(op) {
            // Stop (as a crash would) right after scaling (the second step) was released.
            if (op.steps[1].status !== 'pending') void first.engine.stop();
          },
        },
      ],
    });
    const { operation } = await first.service.sleep(
      DEV,
      { reason: 'night' },
      'u',
    );
    await first.engine.settled();
    const interrupted = await first.service.getOperation(operation.id);
    expect(interrupted.status).toBe('running');
    expect(interrupted.steps.map(s => s.status)).toEqual([
      'done',
      'skipped',
      'pending',
      'pending',
    ]);
    expect(await dbStatus()).toBe('available');

    const second = power({ owner: 'replica-b' });
    // The crashed engine's lock has not expired yet: nobody may take over.
    expect(await second.resume()).toBe(0);
    await expect(
      second.service.wake(DEV, { reason: 'x' }, 'u'),
    ).rejects.toThrow(/sleep of alder\/dev is in progress/);
    clock.advance(61_000);
    expect(await second.resume()).toBe(1);
    const resumed = await finished(second, operation);
    expect(resumed).toMatchObject({ status: 'succeeded', outcome: 'asleep' });
    expect(resumed.steps.map(s => s.status)).toEqual([
      'done',
      'skipped',
      'done',
      'done',
    ]);
    expect(await dbStatus()).toBe('stopped');
    expect(await counts()).toEqual({ api: 0, worker: 0, web: 0 });
    // The counts remembered before the crash survive the resume.
    const woke = await finished(
      second,
      (
        await second.service.wake(DEV, { reason: 'morning' }, 'u')
      ).operation,
    );
    expect(woke.status).toBe('succeeded');
    expect(await counts()).toEqual(COUNTS);
  });

  it('creates one operation for two concurrent wakes on two replicas', async () => {
    const a = power({ owner: 'replica-a' });
    const b = power({ owner: 'replica-b' });
    const [ra, rb] = await Promise.all([
      a.service.wake(DEV, { reason: 'a' }, 'user:default/a'),
      b.service.wake(DEV, { reason: 'b' }, 'user:default/b'),
    ]);
    expect(ra.operation.id).toBe(rb.operation.id);
    await Promise.all([a.engine.settled(), b.engine.settled()]);
    const ops = await a.service.listOperations(DEV);
    expect(ops).toHaveLength(1);
    expect(ops[0].status).toBe('succeeded');
  });

  it('refuses to put a protected stage to sleep and creates nothing', async () => {
    const p = power();
    await expect(
      p.service.sleep(PROD, { reason: 'save money' }, 'user:default/admin'),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        "Stage 'prod' is protected: its environments are never put to sleep",
    });
    expect(await p.service.listOperations(PROD)).toEqual([]);
    expect(await counts(PROD)).toMatchObject({ api: 2 });
  });

  it('holds leases within the configured bound, extends and ends them', async () => {
    const p = power({
      stagelight: { ...stagelight(), power: { maxLeaseHours: 4 } },
    });
    expect(() => p.requests.wake({ reason: 'demo', leaseHours: 5 })).toThrow(
      'leaseHours must be a number of hours from 1 to 4',
    );
    expect(() => p.requests.wake({ leaseHours: 2 })).toThrow(
      /reason is required/,
    );
    const woke = await p.service.wake(
      DEV,
      p.requests.wake({ reason: 'demo', leaseHours: 2 }),
      'user:default/ana',
    );
    expect(woke.lease).toMatchObject({
      startsAt: '2026-06-10T12:00:00.000Z',
      endsAt: '2026-06-10T14:00:00.000Z',
    });
    await p.engine.settled();
    clock.advance(3_600_000);
    const extended = await p.leases.extend(
      DEV,
      { hours: 1, reason: 'longer demo' },
      'user:default/ana',
    );
    expect(extended.endsAt).toBe('2026-06-10T15:00:00.000Z');
    await expect(
      p.leases.extend(DEV, { hours: 3, reason: 'too long' }, 'u'),
    ).rejects.toThrow(/at most 4 hours ahead/);
    const ended = await p.leases.end(DEV, 'done', 'user:default/ana');
    expect(ended.endsAt).toBe('2026-06-10T13:00:00.000Z');
    await expect(p.leases.end(DEV, 'again', 'u')).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(
      p.leases.extend(DEV, { hours: 1, reason: 'r' }, 'u'),
    ).rejects.toThrow(/no running lease/);
  });

  it('applies a schedule transition exactly once across replicas, and stops a restarted database again', async () => {
    const a = power({ owner: 'replica-a' });
    const b = power({ owner: 'replica-b' });
    // Asleep at 12:00Z on a Wednesday: the window ended at 11:00 Berlin time.
    await a.schedules.put(
      DEV,
      a.requests.schedule({
        timeZone: 'Europe/Berlin',
        windows: [{ days: ['wed'], start: '08:00', end: '11:00' }],
      }),
      'user:default/lead',
    );
    const [ra, rb] = await Promise.all([
      a.applySchedules(),
      b.applySchedules(),
    ]);
    const started = [...ra.started, ...rb.started];
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      kind: 'sleep',
      trigger: 'schedule',
      requestedBy: 'stagelight:scheduler',
    });
    await Promise.all([a.engine.settled(), b.engine.settled()]);
    expect(await counts()).toEqual({ api: 0, worker: 0, web: 0 });
    // The snapshot still says awake, but the boundary was handled: nothing more.
    expect((await a.applySchedules()).started).toEqual([]);

    // AWS starts a stopped cluster again after 7 days.
    clock.advance(7 * 86_400_000);
    await rds.send(
      new StartDBClusterCommand({
        DBClusterIdentifier: envNames(DEV).dbCluster,
      }),
    );
    store.set(await collectRecords(moto.endpoint, stagelight()));
    // Wednesday again, 12:00Z: the same window has passed (a new boundary, claimed now).
    await a.applySchedules();
    await a.engine.settled();
    expect(await dbStatus()).toBe('stopped');
    const ops = await a.service.listOperations(DEV);
    expect(
      ops.filter(o => o.kind === 'sleep' && o.status === 'succeeded').length,
    ).toBeGreaterThanOrEqual(2);
  });
});
