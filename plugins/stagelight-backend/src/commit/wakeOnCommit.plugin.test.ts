import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { MotoServer, startMotoServer } from '@internal/stagelight-local-aws';
import request from 'supertest';
import { stagelightPlugin } from '../plugin';
import { createFleetFixture } from '../__testUtils__/fleetFixture';
import { testConfigData } from '../__testUtils__/testSettings';
import { waitForSnapshot } from '../__testUtils__/waitForSnapshot';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('wake on commit through the backend', () => {
  let moto: MotoServer;

  beforeAll(async () => {
    moto = await startMotoServer();
    await createFleetFixture(moto.endpoint, [
      {
        clinic: 'northside',
        stage: 'dev',
        desiredCount: 0,
        marker: 'm-northside-dev',
        dbStopped: true,
      },
    ]);
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('a github.push of a mapped repository and branch starts a wake with a lease', async () => {
    const knex = await databases.init('SQLITE_3');
    // One events service shared by the test (publisher) and the plugin (subscriber).
    const events = mockServices.events();
    const { server } = await startTestBackend({
      features: [
        stagelightPlugin,
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...testConfigData(moto.endpoint, {
              readiness: { probeTimeoutSeconds: 1 },
              wakeOnCommit: {
                leaseHours: 3,
                repositories: { 'clinics/northside-image-review': 'northside' },
              },
            }),
            // Wake on commit stays off unless webhooks are signed.
            events: { modules: { github: { webhookSecret: 'test-secret' } } },
          },
        }),
        mockServices.database.factory({ knex }),
      ],
    });

    await waitForSnapshot(server);

    const payload = {
      ref: 'refs/heads/dev',
      after: 'feedbeef0123456789abcdef0123456789abcdef',
      repository: { full_name: 'clinics/northside-image-review' },
      pusher: { name: 'octocat' },
      sender: { login: 'octocat' },
    };
    // Not mapped: no operation.
    await events.publish({
      topic: 'github.push',
      eventPayload: { ...payload, ref: 'refs/heads/feature/x' },
    });
    await events.publish({ topic: 'github.push', eventPayload: payload });

    const ops = await request(server).get(
      '/api/stagelight/environments/northside/dev/operations',
    );
    expect(ops.status).toBe(200);
    expect(ops.body.items).toHaveLength(1);
    expect(ops.body.items[0]).toEqual(
      expect.objectContaining({
        kind: 'wake',
        requestedBy: 'github:octocat',
        reason: 'push feedbee to dev',
      }),
    );

    const schedule = await request(server).get(
      '/api/stagelight/environments/northside/dev/schedule',
    );
    expect(schedule.body.lease).toEqual(
      expect.objectContaining({
        requestedBy: 'github:octocat',
        reason: 'push feedbee to dev',
      }),
    );
    const hours =
      (Date.parse(schedule.body.lease.endsAt) -
        Date.parse(schedule.body.lease.startsAt)) /
      3_600_000;
    expect(hours).toBe(3);

    const history = await request(server).get(
      '/api/stagelight/environments/northside/dev/history',
    );
    expect(history.body.items[0]).toEqual(
      expect.objectContaining({
        action: 'environment-wake',
        actor: 'github:octocat',
        reason: 'push feedbee to dev',
        result: 'succeeded',
        operationId: ops.body.items[0].id,
      }),
    );
  });
});
