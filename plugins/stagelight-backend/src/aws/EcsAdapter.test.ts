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
import { AwsClientCustomizer, AwsClientFactory } from './AwsClientFactory';
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

  it('names how each service runs: its launch type or its capacity providers', async () => {
    // moto keeps no per-service capacity provider strategy, so this test puts
    // ECS's answer for svc-1 in, after the SDK parsed moto's response.
    const spot: AwsClientCustomizer = client =>
      client.middlewareStack.add(
        next => async args => {
          const result: any = await next(args);
          for (const service of result.output?.services ?? []) {
            if (service.serviceName === 'svc-1') {
              delete service.launchType;
              service.capacityProviderStrategy = [
                { capacityProvider: 'FARGATE_SPOT', weight: 3 },
                { capacityProvider: 'FARGATE', weight: 1 },
              ];
            }
          }
          return result;
        },
        { step: 'initialize', name: 'capacityProviders' },
      );
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
      customizers: [spot],
    });
    const reads = await new EcsAdapter(factory).describeServices(
      { region: 'us-east-1' },
      'big',
      serviceArns.slice(0, 2),
    );
    const capacity = reads.map(r => ('status' in r ? r.status.capacity : r));
    // moto answers EC2 for a service created without a launch type.
    expect(capacity).toEqual([['EC2'], ['FARGATE_SPOT', 'FARGATE']]);
  });
});
