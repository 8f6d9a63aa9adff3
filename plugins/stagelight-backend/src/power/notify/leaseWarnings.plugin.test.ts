/**
 * The lease warning as a portal runs it: the real plugin with the default
 * database-backed scheduler on SQLite, its status refresh reading moto, a
 * user's wake with a lease over HTTP, and the notifications service the
 * warning task sends through.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import { Knex } from 'knex';
import request from 'supertest';
import { stagelightPlugin } from '../../plugin';
import { createFleetFixture } from '../../__testUtils__/fleetFixture';
import { testConfigData } from '../../__testUtils__/testSettings';
import {
  startVersionServer,
  VersionServer,
} from '../../__testUtils__/versionServer';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const LEE = 'user:default/lee.lead';
const TASK = 'stagelight-lease-warnings';

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

describe('lease warnings in a running backend', () => {
  let moto: MotoServer;
  let api: VersionServer;
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const sent: NotificationSendOptions[] = [];
  /** The sleep warnings among them (the wake's end is notified too). */
  const warnings = () =>
    sent.filter(n => n.payload.scope?.startsWith('stagelight-sleep-warning:'));

  beforeAll(async () => {
    moto = await startMotoServer();
    api = await startVersionServer();
    await createFleetFixture(moto.endpoint, [
      {
        clinic: 'alder',
        stage: 'dev',
        desiredCount: 0,
        marker: 'm-alder',
        dbMinCapacity: 0.5,
        dbStopped: true,
      },
    ]);
    api.served.set('alder/dev', 'm-alder');
    knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        stagelightPlugin,
        mockServices.rootConfig.factory({
          data: testConfigData(moto.endpoint, {
            readiness: {
              baseUrlTemplate: api.baseUrlTemplate,
              pollIntervalSeconds: 0.1,
              probeTimeoutSeconds: 2,
            },
            refresh: { interval: { seconds: 1 }, memoryTtlSeconds: 0.001 },
            power: {
              pollIntervalSeconds: 0.05,
              // dev sleeps whenever no lease holds it.
              schedules: { dev: { timeZone: 'UTC', windows: [] } },
              // The shortest lease is 1 h: warn within 90 min to see it at once.
              leaseWarning: { before: { minutes: 90 }, interval: 'PT1S' },
            },
          }),
        }),
        mockServices.database.factory({ knex }),
        schedulerServiceFactory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (n: NotificationSendOptions) => {
              sent.push(n);
            },
          }),
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await api?.close();
    await moto?.stop();
  });

  /** Waits for `runs` more ends of the warning task. */
  async function moreRuns(runs: number) {
    const ended = async () =>
      String(
        (
          await knex('backstage_backend_tasks__tasks')
            .where({ id: TASK })
            .first('last_run_ended_at')
        )?.last_run_ended_at ?? '',
      );
    let last = await ended();
    for (let i = 0; i < runs; i++) {
      const seen = last;
      last = await until(`${TASK} to run again`, async () => {
        const now = await ended();
        return now !== seen && now;
      });
    }
  }

  it('tells the user who woke dev with a lease, once, and links to the board with the extension ready', async () => {
    const { server } = backend;
    const asLee = request(server);
    await until('the first status refresh', async () => {
      const res = await asLee
        .get('/api/stagelight/environments/alder/dev')
        .set('Authorization', mockCredentials.user.header(LEE));
      return res.status === 200 && res.body.power === 'asleep';
    });

    const wake = await asLee
      .post('/api/stagelight/environments/alder/dev/wake')
      .set('Authorization', mockCredentials.user.header(LEE))
      .send({ reason: 'review the upload flow', leaseHours: 1 });
    expect(wake.status).toBe(202);
    const endsAt = new Date(wake.body.lease.endsAt);

    // Sent once the wake has made dev awake; nothing while it was asleep.
    await until('the warning', async () => warnings().length > 0);
    const hhmm = endsAt.toISOString().slice(11, 16);
    expect(warnings()).toEqual([
      {
        recipients: { type: 'entity', entityRef: LEE },
        payload: expect.objectContaining({
          title: expect.stringMatching(
            new RegExp(
              `^dev of alder sleeps in (59 min|1 h): your lease ends at ${hhmm}$`,
            ),
          ),
          link: '/catalog/default/system/alder/stagelight?extend=dev',
          scope: 'stagelight-sleep-warning:alder/dev',
        }),
      },
    ]);
    const status = await asLee
      .get('/api/stagelight/environments/alder/dev')
      .set('Authorization', mockCredentials.user.header(LEE));
    expect(status.body.power).toBe('awake');

    // The task keeps running; the warning is remembered in the database.
    await moreRuns(3);
    expect(warnings()).toHaveLength(1);
    expect(
      await knex('stagelight_power_warnings').select(
        'clinic',
        'stage',
        'recipient',
        'kind',
      ),
    ).toEqual([
      { clinic: 'alder', stage: 'dev', recipient: LEE, kind: 'lease' },
    ]);
  });
});
