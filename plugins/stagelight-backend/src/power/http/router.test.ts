import express from 'express';
import request from 'supertest';
import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createOpenApiRouter } from '../../http/openApiRouter';
import { PowerObserver } from '../engine/PowerEngine';
import {
  environmentRecord,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  storeFinishedWake,
  TestClock,
} from '../__testUtils__/powerFixture';
import { PowerStore } from '../engine/PowerStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** An environment with nothing to switch: operations run without AWS calls. */
const record = (clinic: string, stage: string, isProtected = false) =>
  environmentRecord(clinic, stage, isProtected);

describe('createPowerRouter', () => {
  async function setup(
    denied: string[] = [],
    records = [record('alder', 'dev'), record('alder', 'prod', true)],
    observers?: PowerObserver[],
  ) {
    const knex = await databases.init('SQLITE_3');
    await migrate(knex);
    const store = new MemoryEnvironmentStore();
    store.set(records);
    const clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
    const power = makePower({
      knex,
      endpoint: 'http://127.0.0.1:9',
      store,
      clock,
      observers,
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
    const decide = (r: { permission: { name: string } }) => ({
      result: denied.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    });
    // One environment is authorized as a resource; a whole clinic or stage conditionally.
    const permissions = mockServices.permissions.mock({
      authorize: async requests => requests.map(decide) as any,
      authorizeConditional: async requests => requests.map(decide) as any,
    });
    const app = express();
    // Behind the contract, as the plugin mounts it.
    app.use(
      createOpenApiRouter([
        power.router({ httpAuth: mockServices.httpAuth(), permissions }),
      ]),
    );
    app.use(mockErrorHandler());
    return { app, power, clock, knex };
  }

  it('serves how long waking each environment of a clinic usually takes', async () => {
    const { app, knex } = await setup();
    const store = new PowerStore(knex);
    for (const [n, seconds] of [150, 170, 160].entries()) {
      await storeFinishedWake(store, {
        id: `op-${n}`,
        clinic: 'alder',
        stage: 'dev',
        requestedAt: new Date(Date.UTC(2026, 5, 1 + n, 8)),
        readyAfterSeconds: seconds,
      });
    }
    const res = await request(app).get('/clinics/alder/wake-durations');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      clinic: 'alder',
      sampleSize: 10,
      items: [
        { stage: 'dev', medianSeconds: 160, wakes: 3 },
        { stage: 'prod', medianSeconds: null, wakes: 0 },
      ],
    });
    expect(
      (await request(app).get('/clinics/nowhere/wake-durations')).status,
    ).toBe(404);
    expect(
      (await request(app).get('/clinics/No_Clinic/wake-durations')).status,
    ).toBe(400);
  });

  it('does not serve wake durations without read permission', async () => {
    const { app } = await setup(['stagelight.environment.read']);
    expect(
      (await request(app).get('/clinics/alder/wake-durations')).status,
    ).toBe(403);
  });

  it('wakes with a lease, serves the operation, its list and the history', async () => {
    const { app, power } = await setup();
    const res = await request(app)
      .post('/environments/alder/dev/wake')
      .send({ reason: 'demo for the clinic', leaseHours: 2 });
    expect(res.status).toBe(202);
    expect(res.body.lease).toMatchObject({
      endsAt: '2026-06-10T14:00:00.000Z',
      requestedBy: 'user:default/mock',
    });
    await power.engine.settled();
    const op = await request(app).get(`/operations/${res.body.operation.id}`);
    expect(op.body).toMatchObject({
      kind: 'wake',
      status: 'succeeded',
      reason: 'demo for the clinic',
    });
    expect(op.body.targets).toBeUndefined();
    const list = await request(app).get('/environments/alder/dev/operations');
    expect(list.body.items.map((o: any) => o.id)).toEqual([
      res.body.operation.id,
    ]);
    const history = await request(app).get('/environments/alder/dev/history');
    expect(history.body.items).toEqual([
      // Newest first: how the operation ended, after the request that started it.
      expect.objectContaining({
        actor: 'user:default/mock',
        action: 'environment-wake-ended',
        reason: 'demo for the clinic',
        result: 'succeeded',
        detail: expect.stringMatching(/^awake after \d+ s$/),
        operationId: res.body.operation.id,
      }),
      expect.objectContaining({
        actor: 'user:default/mock',
        action: 'environment-wake',
        clinic: 'alder',
        stage: 'dev',
        reason: 'demo for the clinic',
        result: 'succeeded',
        operationId: res.body.operation.id,
      }),
    ]);
    expect((await request(app).get('/operations/nope')).status).toBe(404);
  });

  it('answers 403 without the permission, and audits the denial', async () => {
    const { app } = await setup(['stagelight.environment.sleep']);
    const res = await request(app)
      .post('/environments/alder/dev/sleep')
      .send({ reason: 'night' });
    expect(res.status).toBe(403);
    expect(
      (await request(app).get('/environments/alder/dev/operations')).body.items,
    ).toEqual([]);
    const audit = await request(app).get('/audit');
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'environment-sleep',
        result: 'denied',
        reason: 'night',
      }),
    ]);
  });

  it('answers 400 for invalid input and changes nothing', async () => {
    const { app } = await setup();
    const bad = await request(app)
      .post('/environments/alder/dev/wake')
      .send({ reason: 'x', leaseHours: 13 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'leaseHours must be a number of hours from 1 to 12',
    );
    const noReason = await request(app)
      .post('/environments/alder/dev/sleep')
      .send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason is required/);
    expect(
      (await request(app).get('/environments/alder/dev/operations')).body.items,
    ).toEqual([]);
    const audit = await request(app).get('/audit');
    expect(audit.body.items.map((a: any) => a.result)).toEqual([
      'rejected',
      'rejected',
    ]);
  });

  it('answers 404 for an unknown environment or stage', async () => {
    const { app } = await setup();
    const unknown = await request(app)
      .post('/environments/cedar/dev/wake')
      .send({ reason: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      "No environment for clinic 'cedar' in stage 'dev'",
    );
    expect(
      (await request(app).get('/environments/alder/qa/schedule')).status,
    ).toBe(404);
  });

  it('refuses to sleep a protected stage with 409 whatever the permissions, audited', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post('/environments/alder/prod/sleep')
      .send({ reason: 'save money' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      "Stage 'prod' is protected: its environments are never put to sleep",
    );
    const history = await request(app).get('/environments/alder/prod/history');
    expect(history.body.items[0]).toMatchObject({
      action: 'environment-sleep',
      result: 'rejected',
    });
  });

  it('validates, stores and serves schedules with the desired state', async () => {
    const { app } = await setup();
    const before = await request(app).get('/environments/alder/dev/schedule');
    expect(before.body).toMatchObject({
      source: 'stage-default',
      maxLeaseHours: 12,
      desired: {
        state: 'awake',
        nextTransition: { at: '2026-06-10T16:00:00.000Z', state: 'asleep' },
      },
    });
    const bad = await request(app)
      .put('/environments/alder/dev/schedule')
      .send({
        timeZone: 'Mars/Olympus',
        windows: [{ days: ['mon'], start: '9:00', end: '17:00' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'schedule.timeZone must be an IANA time zone',
    );
    expect(bad.body.error.message).toContain(
      'schedule.windows[0].start must be HH:MM',
    );
    const put = await request(app)
      .put('/environments/alder/dev/schedule')
      .send({
        timeZone: 'America/New_York',
        windows: [{ days: ['wed'], start: '09:00', end: '17:00' }],
        preWarmMinutes: 10,
      });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      source: 'override',
      desired: {
        state: 'asleep',
        nextTransition: { at: '2026-06-10T12:50:00.000Z', state: 'awake' },
      },
    });
    const prod = await request(app).get('/environments/alder/prod/schedule');
    expect(prod.body).toMatchObject({
      protected: true,
      desired: { state: 'awake', nextTransition: null },
    });
    const audit = await request(app).get('/audit');
    expect(audit.body.items.map((a: any) => [a.action, a.result])).toEqual([
      ['schedule-edit', 'succeeded'],
      ['schedule-edit', 'rejected'],
    ]);
  });

  it('refuses a schedule or a lease on a protected stage, audited, and removes an override', async () => {
    const { app } = await setup();
    const weekdays = {
      timeZone: 'UTC',
      windows: [{ days: ['mon'], start: '08:00', end: '18:00' }],
    };
    const schedule = await request(app)
      .put('/environments/alder/prod/schedule')
      .send(weekdays);
    expect(schedule.status).toBe(409);
    expect(schedule.body.error.message).toBe(
      "Stage 'prod' is protected: it is never put to sleep, so it takes no schedule",
    );
    const lease = await request(app)
      .post('/environments/alder/prod/wake')
      .send({ reason: 'demo', leaseHours: 2 });
    expect(lease.status).toBe(409);
    expect(lease.body.error.message).toBe(
      "Stage 'prod' is protected: it is always awake, so it takes no lease",
    );
    expect(
      (await request(app).get('/environments/alder/prod/operations')).body
        .items,
    ).toEqual([]);

    expect(
      (await request(app).delete('/environments/alder/dev/schedule')).status,
    ).toBe(404);
    await request(app).put('/environments/alder/dev/schedule').send(weekdays);
    const removed = await request(app).delete(
      '/environments/alder/dev/schedule',
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ source: 'stage-default' });
    const audit = await request(app).get('/audit');
    expect(
      audit.body.items.map((a: any) => [a.action, a.stage, a.result]).reverse(),
    ).toEqual([
      ['schedule-edit', 'prod', 'rejected'],
      ['environment-wake', 'prod', 'rejected'],
      ['schedule-delete', 'dev', 'rejected'],
      ['schedule-edit', 'dev', 'succeeded'],
      ['schedule-delete', 'dev', 'succeeded'],
    ]);
  });

  it('extends and ends a lease', async () => {
    const { app, power, clock } = await setup();
    await request(app)
      .post('/environments/alder/dev/wake')
      .send({ reason: 'demo', leaseHours: 1 });
    await power.engine.settled();
    const extended = await request(app)
      .post('/environments/alder/dev/lease/extend')
      .send({ hours: 2, reason: 'longer' });
    expect(extended.status).toBe(200);
    expect(extended.body.lease.endsAt).toBe('2026-06-10T15:00:00.000Z');
    clock.advance(600_000);
    const ended = await request(app)
      .delete('/environments/alder/dev/lease')
      .send({ reason: 'done early' });
    expect(ended.status).toBe(200);
    expect(ended.body.lease.endsAt).toBe('2026-06-10T12:10:00.000Z');
    expect(
      (await request(app).delete('/environments/alder/dev/lease')).status,
    ).toBe(409);
  });

  describe('bulk wake and sleep', () => {
    const fleet = () => [
      record('alder', 'dev'),
      record('alder', 'test'),
      record('alder', 'prod', true),
      record('birch', 'dev'),
      record('birch', 'prod', true),
    ];

    it('sleeps a clinic, skipping its protected stage, one audited operation per environment', async () => {
      const { app, power } = await setup([], fleet());
      const res = await request(app)
        .post('/clinics/alder/sleep')
        .send({ reason: 'weekend' });
      expect(res.status).toBe(202);
      expect(res.body.scope).toEqual({ clinic: 'alder' });
      expect(
        res.body.started.map((s: any) => [
          s.operation.clinic,
          s.operation.stage,
          s.operation.kind,
        ]),
      ).toEqual([
        ['alder', 'dev', 'sleep'],
        ['alder', 'test', 'sleep'],
      ]);
      expect(
        new Set(res.body.started.map((s: any) => s.operation.id)).size,
      ).toBe(2);
      expect(res.body.skipped).toEqual([
        {
          clinic: 'alder',
          stage: 'prod',
          reason:
            "Stage 'prod' is protected: its environments are never put to sleep",
        },
      ]);
      await power.engine.settled();
      const birch = await request(app).get(
        '/environments/birch/dev/operations',
      );
      expect(birch.body.items).toEqual([]);
      const audit = await request(app).get('/audit');
      const trail = audit.body.items
        .map((a: any) => [a.action, a.clinic, a.stage, a.result, a.reason])
        .reverse();
      // The bulk request is recorded once it is done, saying what it did.
      const requests = trail.filter((t: string[]) => !t[0].endsWith('-ended'));
      expect(requests).toEqual([
        ['environment-sleep', 'alder', 'dev', 'succeeded', 'weekend'],
        ['environment-sleep', 'alder', 'test', 'succeeded', 'weekend'],
        ['environment-sleep', 'alder', 'prod', 'rejected', 'weekend'],
        ['clinic-sleep', 'alder', null, 'succeeded', 'weekend'],
      ]);
      expect(
        audit.body.items.find((a: any) => a.action === 'clinic-sleep').detail,
      ).toBe(
        "sleep: alder/dev, alder/test; skipped: alder/prod (Stage 'prod' is protected: its environments are never put to sleep)",
      );
      // And each started operation's end, in whichever order they finished.
      const ends = trail.filter((t: string[]) => t[0].endsWith('-ended'));
      expect(ends).toHaveLength(2);
      expect(ends).toEqual(
        expect.arrayContaining([
          ['environment-sleep-ended', 'alder', 'dev', 'succeeded', 'weekend'],
          ['environment-sleep-ended', 'alder', 'test', 'succeeded', 'weekend'],
        ]),
      );
      const dev = audit.body.items.find((a: any) => a.stage === 'dev');
      expect(dev.operationId).toBe(res.body.started[0].operation.id);
    });

    it('wakes a stage across clinics with a lease each, protected stages included', async () => {
      const { app, power } = await setup([], fleet());
      const res = await request(app)
        .post('/stages/dev/wake')
        .send({ reason: 'training day', leaseHours: 3 });
      expect(res.status).toBe(202);
      expect(
        res.body.started.map((s: any) => [s.operation.clinic, s.lease.endsAt]),
      ).toEqual([
        ['alder', '2026-06-10T15:00:00.000Z'],
        ['birch', '2026-06-10T15:00:00.000Z'],
      ]);
      expect(res.body.skipped).toEqual([]);
      await power.engine.settled();
      const op = await request(app).get(
        `/operations/${res.body.started[1].operation.id}`,
      );
      expect(op.body).toMatchObject({
        clinic: 'birch',
        stage: 'dev',
        status: 'succeeded',
      });
      const prod = await request(app)
        .post('/stages/prod/wake')
        .send({ reason: 'check' });
      expect(prod.body.started).toHaveLength(2);
    });

    it('keeps each environment its own lock: a running operation is returned, another kind is skipped', async () => {
      // Holds every operation at its first report until released.
      let release = () => {};
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      const { app, power } = await setup([], fleet(), [
        { operationChanged: () => gate },
      ]);
      const single = await request(app)
        .post('/environments/alder/dev/wake')
        .send({ reason: 'first' });
      const again = await request(app)
        .post('/clinics/alder/wake')
        .send({ reason: 'second' });
      expect(again.status).toBe(202);
      expect(again.body.started[0].operation.id).toBe(single.body.operation.id);
      const sleep = await request(app)
        .post('/stages/dev/sleep')
        .send({ reason: 'night' });
      expect(sleep.status).toBe(202);
      expect(sleep.body.skipped.map((s: any) => s.clinic)).toContain('alder');
      expect(sleep.body.skipped[0].reason).toMatch(/wake/);
      expect(sleep.body.started.map((s: any) => s.operation.clinic)).toEqual([
        'birch',
      ]);
      release();
      await power.engine.settled();
    });

    it('answers 403 and audits the denial, starting nothing', async () => {
      const { app } = await setup(['stagelight.environment.wake'], fleet());
      const res = await request(app)
        .post('/clinics/alder/wake')
        .send({ reason: 'demo' });
      expect(res.status).toBe(403);
      const audit = await request(app).get('/audit');
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'clinic-wake',
          clinic: 'alder',
          stage: null,
          result: 'denied',
          reason: 'demo',
        }),
      ]);
      expect(
        (await request(app).get('/environments/alder/dev/operations')).body
          .items,
      ).toEqual([]);
    });

    it('answers 400 for a bad body and 404 for an unknown clinic or stage', async () => {
      const { app } = await setup([], fleet());
      const bad = await request(app)
        .post('/stages/dev/wake')
        .send({ reason: 'x', leaseHours: 0 });
      expect(bad.status).toBe(400);
      expect(
        (await request(app).post('/clinics/alder/sleep').send({})).status,
      ).toBe(400);
      const clinic = await request(app)
        .post('/clinics/cedar/wake')
        .send({ reason: 'x' });
      expect(clinic.status).toBe(404);
      expect(clinic.body.error.message).toBe(
        "No environments for clinic 'cedar'",
      );
      const stage = await request(app)
        .post('/stages/qa/sleep')
        .send({ reason: 'x' });
      expect(stage.status).toBe(404);
      const audit = await request(app).get('/audit');
      expect(audit.body.items.map((a: any) => [a.action, a.result])).toEqual([
        ['stage-sleep', 'rejected'],
        ['clinic-wake', 'rejected'],
        ['clinic-sleep', 'rejected'],
        ['stage-wake', 'rejected'],
      ]);
    });
  });
});
