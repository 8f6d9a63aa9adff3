import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { SignalPayload } from '@backstage/plugin-signals-node';
import { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import { powerOperation, powerStep } from '../__testUtils__/powerFixture';
import { PowerNotifier } from './PowerNotifier';
import {
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../__testUtils__/powerFixture';

function recorder() {
  const signals: SignalPayload[] = [];
  const notifications: NotificationSendOptions[] = [];
  const notifier = new PowerNotifier({
    signals: {
      publish: async s => {
        signals.push(s as SignalPayload);
      },
    },
    notifications: {
      send: async n => {
        notifications.push(n);
      },
    },
    logger: mockServices.logger.mock(),
  });
  return { signals, notifications, notifier };
}

const operation = (overrides: Partial<PowerOperation>) =>
  powerOperation({
    clinic: 'northside',
    requestedBy: 'user:default/ada',
    reason: 'patient demo for Dr. Smith',
    steps: [
      powerStep('start-db', 'done', {
        result: { cluster: 'arn:aws:rds:secret' },
      }),
      powerStep('restore-counts', 'running'),
      powerStep('wait-ready', 'pending'),
    ],
    ...overrides,
  });

describe('PowerNotifier', () => {
  it('broadcasts progress without the reason, requester, results or errors, and notifies nobody yet', async () => {
    const { signals, notifications, notifier } = recorder();
    await notifier.operationChanged(operation({}));
    expect(signals).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'stagelight:operation',
        message: {
          operationId: 'op-1',
          clinic: 'northside',
          stage: 'dev',
          kind: 'wake',
          status: 'running',
          outcome: null,
          step: 'restore-counts',
          steps: [
            { name: 'start-db', status: 'done' },
            { name: 'restore-counts', status: 'running' },
            { name: 'wait-ready', status: 'pending' },
          ],
          finishedAt: null,
        },
      },
    ]);
    const text = JSON.stringify(signals);
    expect(text).not.toContain('Smith');
    expect(text).not.toContain('ada');
    expect(text).not.toContain('arn:');
    expect(notifications).toEqual([]);
  });

  it('tells the requester when a wake or sleep ends', async () => {
    const { notifications, notifier } = recorder();
    await notifier.operationChanged(
      operation({ status: 'succeeded', outcome: 'awake' }),
    );
    await notifier.operationChanged(
      operation({
        id: 'op-2',
        kind: 'sleep',
        status: 'succeeded',
        outcome: 'asleep',
      }),
    );
    await notifier.operationChanged(
      operation({
        id: 'op-3',
        status: 'failed',
        outcome: 'partial',
        error: 'database did not become available in 1200s',
      }),
    );
    expect(notifications.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: 'user:default/ada' },
      { type: 'entity', entityRef: 'user:default/ada' },
      { type: 'entity', entityRef: 'user:default/ada' },
    ]);
    expect(notifications.map(n => n.payload)).toEqual([
      expect.objectContaining({
        title: 'northside/dev is awake',
        link: '/catalog/default/system/northside/stagelight',
        severity: 'normal',
        scope: 'stagelight-operation:op-1',
      }),
      expect.objectContaining({ title: 'northside/dev is asleep' }),
      expect.objectContaining({
        title:
          'northside/dev wake failed: database did not become available in 1200s',
        severity: 'high',
        description: expect.stringContaining('after changing part of it'),
      }),
    ]);
  });

  it('notifies nobody for the scheduler, and a failing service does not stop the other', async () => {
    const { notifications, notifier } = recorder();
    await notifier.operationChanged(
      operation({
        status: 'succeeded',
        requestedBy: 'stagelight:scheduler',
        trigger: 'schedule',
      }),
    );
    expect(notifications).toEqual([]);

    const sent: NotificationSendOptions[] = [];
    const logger = mockServices.logger.mock();
    const broken = new PowerNotifier({
      signals: {
        publish: async () => {
          throw new Error('signals down');
        },
      },
      notifications: { send: async n => void sent.push(n) },
      logger,
    });
    await broken.operationChanged(operation({ status: 'succeeded' }));
    expect(sent).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('signals down'),
    );
  });

  describe('as the engine observer', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    it('publishes each step of a wake and notifies its end once', async () => {
      const knex = await databases.init('SQLITE_3');
      await migrate(knex);
      const store = new MemoryEnvironmentStore();
      store.set([
        {
          clinic: 'northside',
          stage: 'dev',
          protected: false,
          power: 'asleep',
          services: [],
          database: null,
          resources: [],
          queues: [],
          functions: [],
          errors: [],
          refreshedAt: '2026-06-10T11:59:00.000Z',
          expectedMarker: null,
          servedMarker: null,
          readinessDetail: {
            state: 'asleep',
            expectedMarker: null,
            servedMarker: null,
            reason: null,
            probeUrl: null,
            checkedAt: null,
          },
        } as unknown as EnvironmentRecord,
      ]);
      const { signals, notifications, notifier } = recorder();
      const power = makePower({
        knex,
        endpoint: 'http://127.0.0.1:9',
        store,
        clock: new TestClock(new Date('2026-06-10T12:00:00Z')),
        observers: [notifier],
      });
      const { operation: op } = await power.service.wake(
        { clinic: 'northside', stage: 'dev' },
        { reason: 'demo' },
        'user:default/ada',
      );
      await power.engine.settled();
      const messages = signals.map(s => s.message as Record<string, unknown>);
      expect(messages.every(m => m.operationId === op.id)).toBe(true);
      expect(messages.length).toBeGreaterThan(2);
      expect(messages[messages.length - 1]).toMatchObject({
        status: 'succeeded',
        outcome: 'awake',
        step: null,
      });
      expect(notifications).toEqual([
        {
          recipients: { type: 'entity', entityRef: 'user:default/ada' },
          payload: expect.objectContaining({
            title: 'northside/dev is awake',
          }),
        },
      ]);
    });
  });
});
