import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { demoFleet, environmentResourceNames } from '../fleet/demoFleet';
import {
  freePort,
  localAwsClientConfig,
  LOCAL_ACCOUNT_ID,
  MotoServer,
  startMotoServer,
} from '@stagelight/image-review-stack/moto';
import { seedFleet } from '../seed/seedFleet';
import { ApiSimulator, startApiSimulator } from './ApiSimulator';

describe('ApiSimulator', () => {
  let moto: MotoServer;
  let simulator: ApiSimulator;
  let clock = 1_000_000;
  const fleet = demoFleet();
  const awake = fleet.environments.find(e => !e.asleep && e.stage === 'dev')!;
  const asleep = fleet.environments.find(e => e.asleep)!;

  beforeAll(async () => {
    moto = await startMotoServer();
    await seedFleet({
      endpoint: moto.endpoint,
      fleet,
      today: new Date('2026-11-26T00:00:00Z'),
    });
    simulator = await startApiSimulator({
      endpoint: moto.endpoint,
      region: fleet.region,
      port: await freePort(),
      warmupMs: 20_000,
      now: () => clock,
    });
  }, 120_000);

  afterAll(async () => {
    await simulator?.close();
    await moto?.stop();
  });

  const version = (env: { clinic: string; stage: string }) =>
    fetch(`${simulator.url}/${env.clinic}/${env.stage}/version`);

  it('serves the deploy marker of an awake environment once warmed up', async () => {
    expect((await version(awake)).status).toBe(503);
    clock += 20_000;
    const res = await version(awake);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ marker: awake.deployMarker });
  });

  it('answers 503 for an environment with no running tasks, until woken and warmed up', async () => {
    expect((await version(asleep)).status).toBe(503);
    const n = environmentResourceNames(asleep, LOCAL_ACCOUNT_ID);
    const ecs = new ECSClient(localAwsClientConfig(moto.endpoint));
    await ecs.send(
      new UpdateServiceCommand({
        cluster: n.cluster,
        service: n.service,
        desiredCount: 2,
      }),
    );
    expect((await version(asleep)).status).toBe(503);
    clock += 20_000;
    expect(await (await version(asleep)).json()).toEqual({
      marker: asleep.deployMarker,
    });
  });

  it('answers 404 for anything but a version path', async () => {
    expect((await fetch(`${simulator.url}/northside/dev/admin`)).status).toBe(
      404,
    );
  });
});
