/**
 * Two real backends (the stagelight plugin, the default database-backed
 * scheduler) on one PostgreSQL and one moto_server, as two replicas run in
 * production: a schedule boundary must change every ECS service exactly once,
 * and two wake requests for one environment must make one operation.
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  localAwsClientConfig,
  MotoServer,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { Knex } from 'knex';
import request from 'supertest';
import { AwsClientCustomizer } from '../aws/AwsClientFactory';
import { stagelightClockServiceRef } from '../clock/clockService';
import { stagelightPlugin } from '../plugin';
import { Clock } from '../clock/Clock';
import { awsCustomizerModule } from '../__testUtils__/awsCustomizerModule';
import {
  addServices,
  createFleetFixture,
  databaseStatus,
  desiredCounts,
  envNames,
  FixtureEnvironment,
} from '../__testUtils__/fleetFixture';
import { testConfigData } from '../__testUtils__/testSettings';
import {
  startVersionServer,
  VersionServer,
} from '../__testUtils__/versionServer';

jest.setTimeout(120_000);

const POSTGRES = 'POSTGRES_15';
const databases = TestDatabases.create({ ids: [POSTGRES] });

/** Every service of a scheduled environment, with its awake desired count. */
const COUNTS: Record<string, number> = { api: 1, worker: 2, web: 5 };
const SCHEDULED = ['alder', 'birch', 'cedar'].map(clinic => ({
  clinic,
  stage: 'dev',
}));
/** Asleep, on no schedule: the target of the concurrent wakes. */
const UNSCHEDULED = { clinic: 'alder', stage: 'test' };
const FLEET: FixtureEnvironment[] = [
  ...SCHEDULED.map(e => ({
    ...e,
    desiredCount: COUNTS.api,
    marker: `m-${e.clinic}`,
    dbMinCapacity: 0.5,
  })),
  {
    ...UNSCHEDULED,
    desiredCount: 0,
    marker: 'm-alder-test',
    dbMinCapacity: 0.5,
    dbStopped: true,
  },
];

/** Awake 08:00-18:00 Berlin time, every day. */
const DEV_SCHEDULE = {
  timeZone: 'Europe/Berlin',
  windows: [
    {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '08:00',
      end: '18:00',
    },
  ],
};

/** Real time moved by an offset both backends share: schedules see the offset, waits stay real. */
class ShiftedClock implements Clock {
  #offsetMs = 0;
  now = () => new Date(Date.now() + this.#offsetMs);
  set(at: Date) {
    this.#offsetMs = at.getTime() - Date.now();
  }
}

/** Every ecs:UpdateService attempt, retries included, by the backend that made it. */
class UpdateServiceLog {
  readonly calls: { backend: string; service: string; desiredCount: number }[] =
    [];

  customizer(backend: string): AwsClientCustomizer {
    return (client, where) => {
      if (where.service !== 'ecs') return;
      const input = Symbol('input');
      client.middlewareStack.add(
        (next, context) => async args => {
          (context as any)[input] = args.input;
          return next(args);
        },
        { step: 'initialize', name: 'testUpdateServiceInput' },
      );
      client.middlewareStack.add(
        (next, context) => async args => {
          if (context.commandName === 'UpdateServiceCommand') {
            const { service, desiredCount } = (context as any)[input];
            this.calls.push({ backend, service, desiredCount });
          }
          return next(args);
        },
        { step: 'deserialize', name: 'testUpdateServiceLog' },
      );
    };
  }

  /** desiredCount of each call per service name ("alder/dev/worker"), in order. */
  byService(arnToName: Map<string, string>): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const c of this.calls) {
      const name = arnToName.get(c.service) ?? c.service;
      (out[name] ??= []).push(c.desiredCount);
    }
    return out;
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

it('has a PostgreSQL 15 to run on', () => {
  // Two replicas only coordinate through a shared database: no silent skip.
  expect({
    supported: databases.supports(POSTGRES),
    hint: 'source scripts/postgres.sh (exports BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
  }).toEqual(expect.objectContaining({ supported: true }));
});

describe('two backends on one PostgreSQL', () => {
  let moto: MotoServer;
  let api: VersionServer;
  let ecs: ECSClient;
  let knex: Knex;
  const clock = new ShiftedClock();
  const log = new UpdateServiceLog();
  const backends: Awaited<ReturnType<typeof startTestBackend>>[] = [];
  /** Service ARN -> "clinic/stage/name". */
  const serviceNames = new Map<string, string>();

  beforeAll(async () => {
    knex = await databases.init(POSTGRES);
    moto = await startMotoServer();
    api = await startVersionServer();
    ecs = new ECSClient(localAwsClientConfig(moto.endpoint));
    await createFleetFixture(moto.endpoint, FLEET);
    for (const env of FLEET)
      api.served.set(`${env.clinic}/${env.stage}`, env.marker);
    // Two more services in each scheduled environment: counts 1, 2 and 5.
    for (const env of SCHEDULED) {
      await addServices(
        moto.endpoint,
        env,
        { worker: COUNTS.worker, web: COUNTS.web },
        { steady: true },
      );
    }
    for (const env of FLEET) {
      const res = await ecs.send(
        new DescribeServicesCommand({
          cluster: envNames(env).cluster,
          services: ['api', 'worker', 'web'],
        }),
      );
      for (const s of res.services ?? []) {
        serviceNames.set(
          s.serviceArn!,
          `${env.clinic}/${env.stage}/${s.serviceName}`,
        );
      }
    }

    // Wednesday 12:00 in Berlin: inside the window, and every environment is awake.
    clock.set(new Date('2026-06-10T10:00:00Z'));
    const config = mockServices.rootConfig.factory({
      data: testConfigData(moto.endpoint, {
        readiness: {
          baseUrlTemplate: api.baseUrlTemplate,
          pollIntervalSeconds: 0.1,
          probeTimeoutSeconds: 2,
        },
        refresh: { interval: { seconds: 1 }, memoryTtlSeconds: 0.001 },
        power: {
          applyInterval: { seconds: 1 },
          pollIntervalSeconds: 0.05,
          schedules: { dev: DEV_SCHEDULE },
        },
      }),
    });
    // One after the other: both run the plugin's and the scheduler's migrations.
    for (const name of ['a', 'b']) {
      backends.push(
        await startTestBackend({
          features: [
            stagelightPlugin,
            config,
            mockServices.database.factory({ knex }),
            // The real scheduler: global tasks are claimed through the database.
            schedulerServiceFactory,
            createServiceFactory({
              service: stagelightClockServiceRef,
              deps: {},
              factory: () => clock,
            }),
            createServiceFactory({
              service: signalsServiceRef,
              deps: {},
              factory: () => ({ publish: async () => {} }),
            }),
            createServiceFactory({
              service: notificationService,
              deps: {},
              factory: () => ({ send: async () => {} }),
            }),
            awsCustomizerModule('update-service-log', log.customizer(name)),
          ],
        }),
      );
    }
  });

  afterAll(async () => {
    for (const backend of backends) await backend.stop();
    ecs?.destroy();
    await api?.close();
    await moto?.stop();
  });

  const servers = () => backends.map(b => b.server);

  const counts = (env: { clinic: string; stage: string }) =>
    desiredCounts(moto.endpoint, env);
  const dbStatus = (env: { clinic: string; stage: string }) =>
    databaseStatus(moto.endpoint, env);

  /** Both backends serve `power` for every scheduled environment. */
  async function bothServe(power: string) {
    let seen: unknown;
    await until(`both backends serve dev as ${power}`, async () => {
      for (const server of servers()) {
        const res = await request(server).get(
          '/api/stagelight/environments?stage=dev',
        );
        seen = [
          res.status,
          res.body.items?.map((e: any) => [e.power, e.errors]),
        ];
        if (res.status !== 200) return false;
        const states = res.body.items.map((e: any) => e.power);
        if (states.length !== 3 || states.some((s: string) => s !== power)) {
          return false;
        }
      }
      return true;
    }).catch(error => {
      throw new Error(`${error.message}; last seen ${JSON.stringify(seen)}`);
    });
  }

  /** Waits for `runs` more runs of a global task, on whichever backend claimed them. */
  async function moreRuns(taskId: string, runs: number) {
    const ended = async () =>
      (
        await knex('backstage_backend_tasks__tasks')
          .where({ id: taskId })
          .first('last_run_ended_at')
      )?.last_run_ended_at?.toISOString?.() ?? null;
    let last = await ended();
    for (let i = 0; i < runs; i++) {
      const seen = last;
      last = await until(`${taskId} to run again`, async () => {
        const now = await ended();
        return now !== seen && now;
      });
    }
  }

  async function succeededOperations(kind: string) {
    const found = [];
    for (const env of SCHEDULED) {
      const res = await request(servers()[0]).get(
        `/api/stagelight/environments/${env.clinic}/${env.stage}/operations`,
      );
      found.push(
        ...res.body.items.filter(
          (o: any) => o.kind === kind && o.status === 'succeeded',
        ),
      );
    }
    return found;
  }

  it('applies each schedule boundary with exactly one UpdateService per service', async () => {
    await bothServe('awake');
    // The scheduler has seen the environments inside their window: the 08:00 boundary is handled.
    await until('the 08:00 boundaries to be claimed', async () => {
      const rows = await knex('stagelight_power_boundaries').where({
        stage: 'dev',
      });
      return rows.length === 3;
    });
    expect(log.calls).toEqual([]);

    // 18:00:01 in Berlin: the window has closed.
    clock.set(new Date('2026-06-10T16:00:01Z'));
    const slept = await until('three scheduled sleeps', async () => {
      const ops = await succeededOperations('sleep');
      return ops.length === 3 && ops;
    });
    expect(slept.map(o => [o.trigger, o.requestedBy])).toEqual(
      SCHEDULED.map(() => ['schedule', 'stagelight:scheduler']),
    );
    await bothServe('asleep');
    // More passes of both replicas over the boundary change nothing.
    await moreRuns('stagelight-power-schedules', 3);

    const perService = (values: (name: string) => number[]) =>
      Object.fromEntries(
        SCHEDULED.flatMap(e =>
          Object.keys(COUNTS).map(name => [
            `${e.clinic}/${e.stage}/${name}`,
            values(name),
          ]),
        ),
      );
    expect(log.byService(serviceNames)).toEqual(perService(() => [0]));
    for (const env of SCHEDULED) {
      expect(await counts(env)).toEqual({ api: 0, worker: 0, web: 0 });
      expect(await dbStatus(env)).toBe('stopped');
    }

    // Thursday 08:00:01 in Berlin: the window opens again.
    clock.set(new Date('2026-06-11T06:00:01Z'));
    await until('three scheduled wakes', async () => {
      const ops = await succeededOperations('wake');
      return ops.length === 3 && ops;
    });
    await bothServe('awake');
    await moreRuns('stagelight-power-schedules', 3);

    expect(log.byService(serviceNames)).toEqual(
      perService(name => [0, COUNTS[name]]),
    );
    for (const env of SCHEDULED) {
      expect(await counts(env)).toEqual(COUNTS);
      expect(await dbStatus(env)).toBe('available');
    }
    expect(await succeededOperations('sleep')).toHaveLength(3);
  });

  it('runs one operation for two concurrent wake requests, one to each backend', async () => {
    const path = `/api/stagelight/environments/${UNSCHEDULED.clinic}/${UNSCHEDULED.stage}`;
    const before = log.calls.length;
    const [a, b] = await Promise.all(
      servers().map((server, i) =>
        request(server)
          .post(`${path}/wake`)
          .send({ reason: `standup ${i}` }),
      ),
    );
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.operation.id).toBe(b.body.operation.id);

    const op = await until('the wake to finish', async () => {
      const res = await request(servers()[1]).get(
        `/api/stagelight/operations/${a.body.operation.id}`,
      );
      return ['succeeded', 'failed'].includes(res.body.status) && res.body;
    });
    expect(op.status).toBe('succeeded');
    const operations = await request(servers()[0]).get(`${path}/operations`);
    expect(operations.body.items.map((o: any) => o.id)).toEqual([
      a.body.operation.id,
    ]);
    expect(
      log.calls
        .slice(before)
        .map(c => [serviceNames.get(c.service), c.desiredCount]),
    ).toEqual([['alder/test/api', 1]]);
    expect(await counts(UNSCHEDULED)).toEqual({ api: 1 });
    expect(await dbStatus(UNSCHEDULED)).toBe('available');
  });
});
