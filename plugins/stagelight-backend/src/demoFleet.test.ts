import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  demoFleet,
  freePort,
  MotoServer,
  seedFleet,
  startApiSimulator,
  ApiSimulator,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import request from 'supertest';
import { stagelightPlugin } from './plugin';
import { testConfigData } from './__testUtils__/testSettings';

jest.setTimeout(180_000);

/** Acceptance: the demo seed's fleet shows up in the API with the states and owners it was seeded with. */
describe('the demo fleet through the API', () => {
  let moto: MotoServer;
  let simulator: ApiSimulator;
  const fleet = demoFleet();

  beforeAll(async () => {
    moto = await startMotoServer();
    // One at a time: moto's StopDBCluster fails when RDS state changes concurrently.
    await seedFleet({
      endpoint: moto.endpoint,
      fleet,
      today: new Date('2026-11-26T00:00:00Z'),
      concurrency: 1,
    });
    simulator = await startApiSimulator({
      endpoint: moto.endpoint,
      region: fleet.region,
      port: await freePort(),
      warmupMs: 0,
    });
  });

  afterAll(async () => {
    await simulator?.close();
    await moto?.stop();
  });

  it('reports every demo environment with its power state, readiness, marker and queue depth', async () => {
    const { server } = await startTestBackend({
      features: [
        stagelightPlugin,
        mockServices.rootConfig.factory({
          data: testConfigData(moto.endpoint, {
            readiness: {
              baseUrlTemplate: `${simulator.url.replace(
                /\/$/,
                '',
              )}/{clinic}/{stage}`,
            },
          }),
        }),
      ],
    });
    let res = await request(server).get('/api/stagelight/environments');
    for (let i = 0; i < 300 && res.status === 503; i++) {
      await new Promise(r => setTimeout(r, 100));
      res = await request(server).get('/api/stagelight/environments');
    }
    expect(res.status).toBe(200);

    const actual = res.body.items.map((e: any) => ({
      env: `${e.clinic}/${e.stage}`,
      owner: e.owner,
      power: e.power,
      readiness: e.readiness,
      expectedMarker: e.expectedMarker,
      visible: e.queue?.visible,
      dlq: e.queue?.dlq,
      errors: e.errors,
    }));
    const expected = fleet.environments.map(e => ({
      env: `${e.clinic}/${e.stage}`,
      // The seed's owner tags, which per-clinic access decides by.
      owner: e.owner ?? null,
      power: e.asleep ? 'asleep' : 'awake',
      readiness: e.asleep ? 'asleep' : 'ready',
      expectedMarker: e.deployMarker,
      visible: e.queuedImages,
      dlq: e.deadLetters,
      errors: [],
    }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });
});
