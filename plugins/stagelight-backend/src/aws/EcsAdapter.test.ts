import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  localAwsClientConfig,
  MotoServer,
  startMotoServer,
} from '@internal/stagelight-local-aws';
import { AwsClientFactory } from './AwsClientFactory';
import { CallCounter } from './CallCounter';
import { EcsAdapter } from './EcsAdapter';

jest.setTimeout(60_000);

describe('EcsAdapter against moto_server', () => {
  let moto: MotoServer;
  const serviceArns: string[] = [];

  beforeAll(async () => {
    moto = await startMotoServer();
    const ecs = new ECSClient(localAwsClientConfig(moto.endpoint));
    await ecs.send(new CreateClusterCommand({ clusterName: 'big' }));
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'big-api',
        containerDefinitions: [
          { name: 'nginx', image: 'nginx', memory: 128 },
          {
            name: 'api',
            image: 'api',
            memory: 256,
            environment: [{ name: 'DEPLOY_MARKER', value: 'm-42' }],
          },
        ],
      }),
    );
    for (let i = 0; i < 12; i++) {
      const res = await ecs.send(
        new CreateServiceCommand({
          cluster: 'big',
          serviceName: `svc-${i}`,
          taskDefinition: td.taskDefinition!.taskDefinitionArn!,
          desiredCount: 1,
        }),
      );
      serviceArns.push(res.service!.serviceArn!);
    }
    ecs.destroy();
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('describes services 10 per call and reads the marker of the primary task definition once', async () => {
    const counter = new CallCounter();
    const factory = new AwsClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({
          aws: {
            mainAccount: { accessKeyId: 'testing', secretAccessKey: 'testing' },
          },
        }),
      ),
      endpoint: moto.endpoint,
      maxAttempts: 2,
      requestTimeoutMs: 5000,
      concurrency: 4,
      customizers: [counter.customizer],
    });
    const adapter = new EcsAdapter(factory);
    const missing = serviceArns[0].replace('svc-0', 'gone');
    const reads = await adapter.describeServices(
      { region: 'us-east-1' },
      'big',
      [...serviceArns, missing],
    );

    expect(counter.counts()).toEqual({
      'ecs:DescribeServicesCommand': 2,
      'ecs:DescribeTaskDefinitionCommand': 1,
    });
    expect(reads).toHaveLength(13);
    const statuses = reads.flatMap(r => ('status' in r ? [r.status] : []));
    expect(statuses).toEqual(
      Array(12).fill(
        expect.objectContaining({
          cluster: 'big',
          desired: 1,
          deployMarker: 'm-42',
        }),
      ),
    );
    expect(reads.find(r => r.arn === missing)).toEqual({
      arn: missing,
      error: expect.objectContaining({
        message: expect.stringMatching(/does not know service/),
      }),
    });
  });
});
