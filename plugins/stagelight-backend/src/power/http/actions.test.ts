import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  environmentRecord,
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../__testUtils__/powerFixture';

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
    await migrate(knex);
    const store = new MemoryEnvironmentStore();
    store.set([record('northside', 'dev'), record('northside', 'prod', true)]);
    const clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
    const power = makePower({
      knex,
      endpoint: 'http://127.0.0.1:9',
      store,
      clock,
    });
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: denied.includes(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        })) as any,
    });
    const registry = actionsRegistryServiceMock();
    power.registerActions({ actionsRegistry: registry, permissions });
    const credentials = mockCredentials.user('user:default/ada');
    return { registry, power, credentials };
  }

  it('registers the three actions, wake and sleep marked destructive', async () => {
    const { registry } = await setup();
    const { actions } = await registry.list();
    expect(
      actions.map(a => [
        a.name,
        a.attributes.destructive,
        a.attributes.readOnly,
      ]),
    ).toEqual([
      ['get-environment-status', false, true],
      ['wake-environment', true, false],
      ['sleep-environment', true, false],
    ]);
    const wake = actions.find(a => a.name === 'wake-environment')!;
    expect(wake.schema.input).toMatchObject({
      required: ['clinic', 'stage', 'reason'],
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
});
