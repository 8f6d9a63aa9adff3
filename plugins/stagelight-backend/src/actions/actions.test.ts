import { TestDatabases } from '@backstage/backend-test-utils';
import { environmentRecord } from '../power/__testUtils__/powerFixture';
import { actionsFixture } from './__testUtils__/actionsFixture';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Asleep, with a queue backlog and a read error, so the status action has something to report. */
const record = (clinic: string, stage: string, isProtected = false) =>
  environmentRecord(clinic, stage, isProtected, {
    power: 'asleep',
    readiness: 'asleep',
    expectedMarker: 'm-1',
    queue: {
      visible: 3,
      inFlight: 0,
      delayed: 0,
      dlq: 1,
      oldestAgeSeconds: 40,
    },
    errors: [{ source: 'ecs:DescribeServices', message: 'throttled' }],
    readinessDetail: {
      state: 'asleep',
      expectedMarker: 'm-1',
      servedMarker: null,
      reason: null,
      probeUrl: null,
      checkedAt: null,
    },
  });

describe('Stagelight actions', () => {
  async function setup(denied: string[] = []) {
    const knex = await databases.init('SQLITE_3');
    const fixture = await actionsFixture({
      knex,
      records: [record('northside', 'dev'), record('northside', 'prod', true)],
      denied,
    });
    return { ...fixture, registry: fixture.registry };
  }

  it('registers every tool with its attributes and an input schema', async () => {
    const { registry } = await setup();
    const { actions } = await registry.list();
    expect(
      actions.map(a => [
        a.name,
        a.attributes.readOnly,
        a.attributes.idempotent,
        a.attributes.destructive,
      ]),
    ).toEqual([
      ['list-environments', true, true, false],
      ['get-environment-status', true, true, false],
      ['wake-environment', false, false, true],
      ['sleep-environment', false, false, true],
      ['extend-lease', false, false, false],
      ['end-lease', false, false, true],
      ['get-schedule', true, true, false],
      ['set-schedule', false, true, true],
      ['remove-schedule-override', false, false, true],
      ['wait-for-deploy-marker', true, true, false],
      ['get-cost', true, true, false],
    ]);
    for (const a of actions) {
      expect(a.description.length).toBeGreaterThan(60);
      expect(a.schema.input).toMatchObject({ type: 'object' });
    }
    const wake = actions.find(a => a.name === 'wake-environment')!;
    expect(wake.schema.input).toMatchObject({
      required: ['clinic', 'stage', 'reason'],
    });
    const wait = actions.find(a => a.name === 'wait-for-deploy-marker')!;
    expect(wait.schema.input).toMatchObject({
      properties: { timeoutSeconds: { maximum: 300 } },
    });
  });

  it('wakes with a lease and reports the status, audited as the caller', async () => {
    const { registry, power, credentials } = await setup();
    const { output } = await registry.invoke({
      id: 'test:wake-environment',
      input: {
        clinic: 'northside',
        stage: 'dev',
        reason: 'demo',
        leaseHours: 2,
      },
      credentials,
    });
    expect(output).toMatchObject({
      operation: { clinic: 'northside', stage: 'dev', kind: 'wake' },
      lease: {
        endsAt: '2026-06-10T14:00:00.000Z',
        requestedBy: 'user:default/ada',
      },
    });
    await power.engine.settled();
    const status = await registry.invoke({
      id: 'test:get-environment-status',
      input: { clinic: 'northside', stage: 'dev' },
      credentials,
    });
    expect(status.output).toMatchObject({
      clinic: 'northside',
      stage: 'dev',
      protected: false,
      queue: { visible: 3, dlq: 1 },
      errors: ['ecs:DescribeServices: throttled'],
      dataAgeSeconds: 60,
      desired: { state: 'awake' },
      lease: { endsAt: '2026-06-10T14:00:00.000Z' },
      latestOperation: {
        id: (output as any).operation.id,
        status: 'succeeded',
        outcome: 'awake',
      },
    });
    const audit = await power.auditLog.list({ limit: 10 });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'user:default/ada',
        action: 'environment-wake-ended',
        result: 'succeeded',
        operationId: (output as any).operation.id,
      }),
      expect.objectContaining({
        actor: 'user:default/ada',
        action: 'environment-wake',
        result: 'succeeded',
        reason: 'demo',
        operationId: (output as any).operation.id,
      }),
    ]);
  });

  it('refuses a protected sleep, bad input and a denied caller, each audited', async () => {
    const { registry, power, credentials } = await setup([
      'stagelight.environment.wake',
    ]);
    await expect(
      registry.invoke({
        id: 'test:sleep-environment',
        input: { clinic: 'northside', stage: 'prod', reason: 'save money' },
        credentials,
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        "Stage 'prod' is protected: its environments are never put to sleep",
    });
    await expect(
      registry.invoke({
        id: 'test:wake-environment',
        input: { clinic: 'northside', stage: 'dev', reason: 'demo' },
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(
      registry.invoke({
        id: 'test:sleep-environment',
        input: { clinic: 'northside', stage: 'dev', reason: ' ' },
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      registry.invoke({
        id: 'test:get-environment-status',
        input: { clinic: 'southside', stage: 'dev' },
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    const audit = await power.auditLog.list({ limit: 10 });
    expect(audit.map(a => [a.action, a.stage, a.result])).toEqual([
      ['environment-sleep', 'dev', 'rejected'],
      ['environment-wake', 'dev', 'denied'],
      ['environment-sleep', 'prod', 'rejected'],
    ]);
  });

  it('checks the read permission for the status', async () => {
    const { registry, credentials } = await setup([
      'stagelight.environment.read',
    ]);
    await expect(
      registry.invoke({
        id: 'test:get-environment-status',
        input: { clinic: 'northside', stage: 'dev' },
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('extends and ends a lease, refusing protected stages, each audited', async () => {
    const { invoke, power } = await setup();
    await invoke('wake-environment', {
      clinic: 'northside',
      stage: 'dev',
      reason: 'demo',
      leaseHours: 2,
    });
    await power.engine.settled();
    const extended = await invoke('extend-lease', {
      clinic: 'northside',
      stage: 'dev',
      hours: 2,
      reason: 'two more hours',
    });
    expect(extended.output).toMatchObject({
      lease: {
        endsAt: '2026-06-10T16:00:00.000Z',
        requestedBy: 'user:default/ada',
        reason: 'two more hours',
      },
    });
    await expect(
      invoke('extend-lease', {
        clinic: 'northside',
        stage: 'dev',
        hours: 0.5,
        reason: 'a bit',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^hours must be a number of hours from 1/),
    });
    await expect(
      invoke('extend-lease', {
        clinic: 'northside',
        stage: 'prod',
        hours: 2,
        reason: 'keep prod',
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        "Stage 'prod' is protected: it is always awake, so it takes no lease",
    });
    const ended = await invoke('end-lease', {
      clinic: 'northside',
      stage: 'dev',
    });
    expect(ended.output).toMatchObject({
      lease: {
        endsAt: '2026-06-10T12:00:00.000Z',
        reason: 'lease ended early',
      },
    });
    const audit = await power.auditLog.list({ limit: 10 });
    expect(
      audit
        .filter(a => a.action.startsWith('lease'))
        .map(a => [a.action, a.stage, a.result]),
    ).toEqual([
      ['lease-end', 'dev', 'succeeded'],
      ['lease-extend', 'prod', 'rejected'],
      ['lease-extend', 'dev', 'rejected'],
      ['lease-extend', 'dev', 'succeeded'],
    ]);
  });

  it('reads, sets and removes a schedule with the HTTP validation, refusing protected stages', async () => {
    const { invoke, power } = await setup();
    const schedule = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon', 'fri'], start: '08:00', end: '18:00' }],
    };
    const set = await invoke('set-schedule', {
      clinic: 'northside',
      stage: 'dev',
      schedule,
    });
    expect(set.output).toMatchObject({
      source: 'override',
      schedule: { ...schedule, preWarmMinutes: 0, exceptions: [] },
    });
    expect(
      (await invoke('get-schedule', { clinic: 'northside', stage: 'dev' }))
        .output,
    ).toEqual(set.output);
    await expect(
      invoke('set-schedule', {
        clinic: 'northside',
        stage: 'dev',
        schedule: { ...schedule, timeZone: 'Europe/Atlantis' },
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/IANA time zone/),
    });
    await expect(
      invoke('set-schedule', { clinic: 'northside', stage: 'prod', schedule }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    const removed = await invoke('remove-schedule-override', {
      clinic: 'northside',
      stage: 'dev',
    });
    expect(removed.output).toMatchObject({ source: 'none', schedule: null });
    await expect(
      invoke('remove-schedule-override', { clinic: 'northside', stage: 'dev' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    const audit = await power.auditLog.list({ limit: 10 });
    expect(audit.map(a => [a.action, a.stage, a.result])).toEqual([
      ['schedule-delete', 'dev', 'rejected'],
      ['schedule-delete', 'dev', 'succeeded'],
      ['schedule-edit', 'prod', 'rejected'],
      ['schedule-edit', 'dev', 'rejected'],
      ['schedule-edit', 'dev', 'succeeded'],
    ]);
  });

  it('denies a schedule edit without the permission, audited as denied', async () => {
    const { invoke, power } = await setup(['stagelight.schedule.edit']);
    await expect(
      invoke('set-schedule', {
        clinic: 'northside',
        stage: 'dev',
        schedule: { timeZone: 'UTC', windows: [] },
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'Not allowed: stagelight.schedule.edit on northside/dev',
    });
    const [entry] = await power.auditLog.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'schedule-edit', result: 'denied' });
  });

  it('lists environments by the filters, saying cost is unavailable rather than 0', async () => {
    const knex = await databases.init('SQLITE_3');
    const { invoke } = await actionsFixture({
      knex,
      records: [
        environmentRecord('northside', 'dev', false, { power: 'awake' }),
        environmentRecord('northside', 'test', false, { power: 'asleep' }),
        environmentRecord('lakeshore', 'dev', false, { power: 'partial' }),
        environmentRecord('lakeshore', 'prod', true, { power: 'awake' }),
      ],
    });
    const refs = (output: any) =>
      output.environments.map((e: any) => `${e.clinic}/${e.stage}`);
    const awake = await invoke('list-environments', { awake: true });
    expect(refs(awake.output)).toEqual([
      'northside/dev',
      'lakeshore/dev',
      'lakeshore/prod',
    ]);
    expect(
      refs((await invoke('list-environments', { clinic: 'northside' })).output),
    ).toEqual(['northside/dev', 'northside/test']);
    expect(
      refs(
        (await invoke('list-environments', { awake: true, stage: 'dev' }))
          .output,
      ),
    ).toEqual(['northside/dev', 'lakeshore/dev']);
    const [row] = (awake.output as any).environments;
    expect(row).toMatchObject({
      power: 'awake',
      readiness: 'ready',
      leaseEndsAt: null,
      cost: {
        awakeHourlyRate: null,
        monthToDate: null,
        unavailable: expect.stringMatching(
          /^awake hourly rate and month to date unknown: /,
        ),
      },
    });
    expect((awake.output as any).awakeHourlyRate).toBeNull();
    await expect(
      invoke('list-environments', { stage: 'qa' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "Unknown stage 'qa'; stages are dev, test, staging, prod",
    });
  });

  it('says cost is not allowed in the list, and refuses get-cost, without stagelight.cost.read', async () => {
    const { invoke } = await setup(['stagelight.cost.read']);
    const list = await invoke('list-environments', {});
    expect((list.output as any).environments[0].cost).toEqual({
      currency: null,
      awakeHourlyRate: null,
      monthToDate: null,
      unavailable: 'not allowed to read Stagelight cost (stagelight.cost.read)',
    });
    await expect(invoke('get-cost', {})).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'Not allowed to read Stagelight cost',
    });
  });

  it('answers get-cost with unknown amounts and the reason when there is no cost data', async () => {
    const { invoke } = await setup();
    const { output } = await invoke('get-cost', { stage: 'dev' });
    expect(output).toMatchObject({
      total: { monthToDate: null },
      byStage: [{ stage: 'dev', monthToDate: null }],
      environments: [
        { clinic: 'northside', stage: 'dev', month: { monthToDate: null } },
      ],
      savings: { monthToDate: null, unknownFor: ['northside/dev'] },
    });
    expect((output as any).diagnostics.length).toBeGreaterThan(0);
  });

  describe('wait-for-deploy-marker', () => {
    it('waits at most timeoutSeconds and says the marker was not served', async () => {
      const { invoke, probes } = await setup();
      const { output } = await invoke('wait-for-deploy-marker', {
        clinic: 'northside',
        stage: 'dev',
        marker: 'm-2',
        timeoutSeconds: 20,
      });
      // Asleep and not answering: nothing will serve it until it is woken.
      expect(output).toMatchObject({ outcome: 'asleep', served: false });
      expect(probes).toEqual(['http://api.test/northside/dev/version']);
    });

    it('stops at the timeout while an awake API serves another marker', async () => {
      const knex = await databases.init('SQLITE_3');
      const served: string[] = [];
      const { invoke } = await actionsFixture({
        knex,
        records: [
          environmentRecord('northside', 'dev', false, {
            expectedMarker: 'm-2',
          }),
        ],
        readiness: { pollIntervalSeconds: 5 },
        probe: {
          probe: async url => {
            served.push(url);
            return { ok: true, marker: 'm-1' };
          },
        },
      });
      const { output } = await invoke('wait-for-deploy-marker', {
        clinic: 'northside',
        stage: 'dev',
        timeoutSeconds: 20,
      });
      expect(output).toEqual({
        outcome: 'stale',
        served: false,
        clinic: 'northside',
        stage: 'dev',
        marker: 'm-2',
        servedMarker: 'm-1',
        waitedMs: 20_000,
        probes: 5,
      });
    });

    it('waits 30 s when no timeout is given, below the usual client timeout', async () => {
      const knex = await databases.init('SQLITE_3');
      const { invoke } = await actionsFixture({
        knex,
        records: [
          environmentRecord('northside', 'dev', false, {
            expectedMarker: 'm-2',
          }),
        ],
        readiness: { pollIntervalSeconds: 5 },
        probe: { probe: async () => ({ ok: false, reason: 'HTTP 503' }) },
      });
      const { output } = await invoke('wait-for-deploy-marker', {
        clinic: 'northside',
        stage: 'dev',
      });
      expect(output).toMatchObject({
        outcome: 'timeout',
        served: false,
        servedMarker: null,
        waitedMs: 30_000,
        probes: 7,
      });
    });

    it('answers served as soon as the marker is served', async () => {
      const knex = await databases.init('SQLITE_3');
      const answers = ['m-1', 'm-2'];
      const { invoke } = await actionsFixture({
        knex,
        records: [
          environmentRecord('northside', 'dev', false, {
            expectedMarker: 'm-2',
          }),
        ],
        readiness: { pollIntervalSeconds: 5 },
        probe: {
          probe: async () => ({
            ok: true,
            marker: answers.length > 1 ? answers.shift()! : answers[0],
          }),
        },
      });
      const { output } = await invoke('wait-for-deploy-marker', {
        clinic: 'northside',
        stage: 'dev',
      });
      expect(output).toMatchObject({
        outcome: 'ready',
        served: true,
        waitedMs: 5_000,
        probes: 2,
      });
    });

    it('refuses a wait past the maximum before probing anything', async () => {
      const { invoke, probes } = await setup();
      await expect(
        invoke('wait-for-deploy-marker', {
          clinic: 'northside',
          stage: 'dev',
          timeoutSeconds: 301,
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
      expect(probes).toEqual([]);
    });
  });
});
