import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { Knex } from 'knex';
import {
  createTestDatabases,
  postgresMissingInCi,
} from '../../__testUtils__/testDatabases';
import { PowerStore } from '../engine/PowerStore';
import {
  environmentRecord,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../__testUtils__/powerFixture';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const LEE = 'user:default/lee.lead';
const ADA = 'user:default/ada';
const BOB = 'user:default/bob';
const MINUTE = 60_000;

/** No awake window at all: only a lease keeps dev awake, and its end puts it to sleep. */
const ALWAYS_ASLEEP: Schedule = {
  timeZone: 'Europe/Berlin',
  windows: [],
  preWarmMinutes: 0,
  exceptions: [],
};
/** Awake 08:00-18:00 Berlin time, every day. */
const OFFICE_HOURS: Schedule = {
  ...ALWAYS_ASLEEP,
  windows: [
    {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '08:00',
      end: '18:00',
    },
  ],
};

/** Records every notification; `failNext` makes the next send throw. */
class NotificationRecorder {
  readonly sent: NotificationSendOptions[] = [];
  failNext = false;
  send = async (n: NotificationSendOptions) => {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('notifications backend unavailable');
    }
    this.sent.push(n);
  };
}

it('runs on PostgreSQL in CI', () => {
  expect(postgresMissingInCi(databases)).toBe(false);
});

describe.each(databases.eachSupportedId())('LeaseWarnings on %s', id => {
  let knex: Knex;
  let clock: TestClock;
  let notifications: NotificationRecorder;
  let environments: MemoryEnvironmentStore;

  /** A backend's power module (a replica, or the same one after a restart) on the shared database. */
  const replica = (schedule = ALWAYS_ASLEEP, owner = 'a') =>
    makePower({
      knex,
      endpoint: 'http://127.0.0.1:9',
      store: environments,
      clock,
      owner,
      notifications,
      stagelight: {
        power: {
          schedules: { dev: schedule },
          leaseWarning: { before: { minutes: 30 } },
        },
      },
    });

  beforeEach(async () => {
    knex = await databases.init(id);
    await migrate(knex);
    // Wednesday 12:00 in Berlin.
    clock = new TestClock(new Date('2026-06-10T10:00:00Z'));
    notifications = new NotificationRecorder();
    environments = new MemoryEnvironmentStore();
    environments.set([
      environmentRecord('alder', 'dev'),
      environmentRecord('alder', 'test'),
      environmentRecord('alder', 'prod', true),
      environmentRecord('birch', 'dev'),
    ]);
  });

  async function wake(
    power: ReturnType<typeof replica>,
    env: { clinic: string; stage: string },
    actor: string,
    leaseHours?: number,
  ) {
    await power.service.wake(env, { reason: 'review', leaseHours }, actor);
    await power.engine.settled();
  }

  it('tells the lease holder once, the warning time before the lease ends, whichever replica runs the pass', async () => {
    const a = replica();
    const b = replica(ALWAYS_ASLEEP, 'b');
    await wake(a, { clinic: 'alder', stage: 'dev' }, LEE, 1);

    // 31 minutes before the end: not yet.
    clock.advance(29 * MINUTE);
    expect((await a.warnOfSleeps()).sent).toEqual([]);
    expect(notifications.sent).toEqual([]);

    // 30 minutes before: both replicas run the pass at once, one sends.
    clock.advance(MINUTE);
    await Promise.all([a.warnOfSleeps(), b.warnOfSleeps()]);
    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: LEE },
        payload: {
          // 11:00 UTC is 13:00 in Berlin, the schedule's zone.
          title: 'dev of alder sleeps in 30 min: your lease ends at 13:00',
          description:
            'alder/dev is put to sleep at 13:00 (Europe/Berlin), when the lease for "review" ends. Extend the lease on the stage board to keep it awake.',
          link: '/catalog/default/system/alder/stagelight?extend=dev',
          severity: 'high',
          topic: 'stagelight',
          scope: 'stagelight-sleep-warning:alder/dev',
        },
      },
    ]);

    // Later passes, and a replica started afresh, send nothing more.
    clock.advance(MINUTE);
    await a.warnOfSleeps();
    await b.warnOfSleeps();
    clock.advance(10 * MINUTE);
    await replica(ALWAYS_ASLEEP, 'restarted').warnOfSleeps();
    expect(notifications.sent).toHaveLength(1);
  });

  it('warns again, in the same scope, before the end an extension moved', async () => {
    const power = replica();
    await wake(power, { clinic: 'alder', stage: 'dev' }, LEE, 1);
    clock.advance(35 * MINUTE);
    await power.warnOfSleeps();
    await power.leases.extend(
      { clinic: 'alder', stage: 'dev' },
      { hours: 1, reason: 'review runs late' },
      LEE,
    );

    // The lease now ends at 12:00 UTC: nothing until 11:30.
    clock.advance(54 * MINUTE);
    await power.warnOfSleeps();
    expect(notifications.sent).toHaveLength(1);
    clock.advance(MINUTE);
    await power.warnOfSleeps();
    await power.warnOfSleeps();
    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'dev of alder sleeps in 25 min: your lease ends at 13:00',
      'dev of alder sleeps in 30 min: your lease ends at 14:00',
    ]);
    expect(new Set(notifications.sent.map(n => n.payload.scope))).toEqual(
      new Set(['stagelight-sleep-warning:alder/dev']),
    );
  });

  it('warns about nothing that never sleeps: a protected stage, or an environment on no schedule', async () => {
    const power = replica();
    // A lease on unscheduled alder/test: its end leaves the environment as it is.
    await wake(power, { clinic: 'alder', stage: 'test' }, LEE, 1);
    // Protected prod takes no lease or schedule through the API; stored ones change nothing.
    const store = new PowerStore(knex);
    await store.putLease(
      { clinic: 'alder', stage: 'prod' },
      {
        startsAt: clock.now(),
        endsAt: new Date(clock.now().getTime() + 20 * MINUTE),
        requestedBy: LEE,
        reason: 'release',
      },
    );
    await store.putSchedule(
      { clinic: 'alder', stage: 'prod' },
      ALWAYS_ASLEEP,
      LEE,
      clock.now(),
    );
    await wake(power, { clinic: 'alder', stage: 'prod' }, LEE);

    for (let i = 0; i < 6; i++) {
      clock.advance(10 * MINUTE);
      await power.warnOfSleeps();
    }
    expect(notifications.sent).toEqual([]);
  });

  it("tells whoever woke it today, in the schedule's zone, before the schedule puts it to sleep", async () => {
    const power = replica(OFFICE_HOURS);
    const birch = { clinic: 'birch', stage: 'dev' };
    // Ada woke it yesterday evening, Bob this morning (09:00 Berlin), both without a lease.
    clock.time = new Date('2026-06-09T19:00:00Z');
    await wake(power, birch, ADA);
    clock.time = new Date('2026-06-10T07:00:00Z');
    await wake(power, birch, BOB);

    // The window closes at 18:00 Berlin (16:00 UTC).
    clock.time = new Date('2026-06-10T15:29:00Z');
    await power.warnOfSleeps();
    expect(notifications.sent).toEqual([]);
    clock.advance(MINUTE);
    await power.warnOfSleeps();
    clock.advance(MINUTE);
    await power.warnOfSleeps();
    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: BOB },
        payload: expect.objectContaining({
          title:
            'dev of birch sleeps in 30 min: its schedule puts it to sleep at 18:00',
          // No lease to extend: the board itself.
          link: '/catalog/default/system/birch/stagelight',
          scope: 'stagelight-sleep-warning:birch/dev',
        }),
      },
    ]);
  });

  it("tells today's other wakers whose lease it is", async () => {
    const power = replica();
    const alder = { clinic: 'alder', stage: 'dev' };
    await wake(power, alder, ADA, 1);
    await wake(power, alder, BOB);
    clock.advance(30 * MINUTE);
    await power.warnOfSleeps();
    expect(
      notifications.sent.map(n => [n.recipients, n.payload.title]),
    ).toEqual([
      [
        { type: 'entity', entityRef: ADA },
        'dev of alder sleeps in 30 min: your lease ends at 13:00',
      ],
      [
        { type: 'entity', entityRef: BOB },
        'dev of alder sleeps in 30 min: the lease of ada ends at 13:00',
      ],
    ]);
  });

  it('sends a warning the notifications backend refused on the next pass', async () => {
    const power = replica();
    await wake(power, { clinic: 'alder', stage: 'dev' }, LEE, 1);
    clock.advance(31 * MINUTE);
    notifications.failNext = true;
    expect((await power.warnOfSleeps()).sent).toEqual([]);
    clock.advance(MINUTE);
    expect((await power.warnOfSleeps()).sent).toHaveLength(1);
    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'dev of alder sleeps in 28 min: your lease ends at 13:00',
    ]);
  });
});
