/**
 * Test-only fleet fixture: builds environments in moto through the AWS SDK,
 * tagged exactly as the stack and the demo seed tag them (the seed in
 * `@internal/stagelight-local-aws` can replace this module later). All fixture
 * code lives here.
 */
import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { CreateLoadBalancerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  StopDBClusterCommand,
} from '@aws-sdk/client-rds';
import {
  CreateBucketCommand,
  PutBucketTaggingCommand,
} from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import {
  createSeedClients,
  environmentResourceNames,
  LOCAL_ACCOUNT_ID,
  localAwsClientConfig,
  SeedClients,
} from '@internal/stagelight-local-aws';
import {
  ComponentName,
  environmentTagList,
  environmentTags,
} from '@stagelight/tag-contract';
import { mapLimited } from '../aws/Limiter';

export interface FixtureEnvironment {
  clinic: string;
  stage: string;
  /** 0 means the API is asleep. */
  desiredCount: number;
  marker: string;
  dbMinCapacity?: number;
  dbStopped?: boolean;
  queued?: number;
  deadLetters?: number;
  /** The clinic's owner tag (`stagelight:owner`); untagged without it. */
  owner?: string;
}

/** The SDK clients a fixture writes with (local-aws's seed clients, without endpoint and region). */
export type FleetClients = Omit<SeedClients, 'endpoint' | 'region'>;

/** Credentials of a role assumed into another account (`assumeInto`); moto's default account without them. */
export type FixtureCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
};

export function fleetClients(
  endpoint: string,
  region = 'us-east-1',
  credentials?: FixtureCredentials,
): FleetClients {
  // moto answers an occasional 500 under concurrent writes: retry generously.
  const {
    endpoint: _endpoint,
    region: _region,
    ...clients
  } = createSeedClients(endpoint, region, { maxAttempts: 6, credentials });
  for (const client of Object.values(clients) as {
    middlewareStack: unknown;
  }[]) {
    // Name the failing operation in errors, so a broken fixture says what broke.
    (client.middlewareStack as any).add(
      (next: any, context: any) => async (args: any) => {
        try {
          return await next(args);
        } catch (error) {
          (error as Error).message = `${context.commandName}: ${
            (error as Error).message
          }`;
          throw error;
        }
      },
      { step: 'initialize', name: 'fixtureOperationName' },
    );
  }
  return clients;
}

/** The environment's resource names, as the tag contract derives them for the stack and the seed. */
export const envNames = (e: { clinic: string; stage: string }) =>
  environmentResourceNames(e, LOCAL_ACCOUNT_ID);

/** A zip archive with a one-line index.js, enough for moto's CreateFunction. */
const EMPTY_ZIP = Buffer.from(
  'UEsDBBQAAAAAAGNOel0LkENCHgAAAB4AAAAIAAAAaW5kZXguanNleHBvcnRzLmhhbmRsZXI9YXN5bmMoKT0+KHt9KTtQSwECFAMUAAAAAABjTnpdC5BDQh4AAAAeAAAACAAAAAAAAAAAAAAAgAEAAAAAaW5kZXguanNQSwUGAAAAAAEAAQA2AAAARAAAAAAA',
  'base64',
);

async function shared(c: FleetClients, region: string) {
  const roleName = 'image-review-lambda';
  let roleArn: string;
  try {
    roleArn = (await c.iam.send(new GetRoleCommand({ RoleName: roleName })))
      .Role!.Arn!;
  } catch {
    roleArn = (
      await c.iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'lambda.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          }),
        }),
      )
    ).Role!.Arn!;
  }
  const vpc = await c.ec2.send(
    new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }),
  );
  const vpcId = vpc.Vpc!.VpcId!;
  const subnets = await Promise.all(
    ['a', 'b'].map((az, i) =>
      c.ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: `10.0.${i}.0/24`,
          AvailabilityZone: `${region}${az}`,
        }),
      ),
    ),
  );
  return { roleArn, subnetIds: subnets.map(s => s.Subnet!.SubnetId!) };
}

async function createEnvironment(
  c: FleetClients,
  e: FixtureEnvironment,
  base: { roleArn: string; subnetIds: string[] },
) {
  const names = envNames(e);
  const prefix = names.prefix;
  const tagged = (component: ComponentName) => ({
    clinic: e.clinic,
    stage: e.stage,
    owner: e.owner,
    component,
  });
  const tags = (component: ComponentName) =>
    environmentTagList(tagged(component));
  const ecsTags = (component: ComponentName) =>
    tags(component).map(t => ({ key: t.Key, value: t.Value }));

  await c.ecs.send(
    new CreateClusterCommand({
      clusterName: names.cluster,
      tags: ecsTags('api'),
    }),
  );
  const td = await c.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: names.taskFamily,
      containerDefinitions: [
        {
          name: 'api',
          image: 'image-review-api:latest',
          memory: 512,
          environment: [{ name: 'DEPLOY_MARKER', value: e.marker }],
        },
      ],
    }),
  );
  await c.ecs.send(
    new CreateServiceCommand({
      cluster: names.cluster,
      serviceName: 'api',
      taskDefinition: td.taskDefinition!.taskDefinitionArn!,
      desiredCount: e.desiredCount,
      tags: ecsTags('api'),
    }),
  );
  // moto starts no tasks on create; an update sets running = desired, as a steady service has.
  await c.ecs.send(
    new UpdateServiceCommand({
      cluster: names.cluster,
      service: 'api',
      desiredCount: e.desiredCount,
    }),
  );
  await c.elbv2.send(
    new CreateLoadBalancerCommand({
      Name: prefix.slice(0, 32),
      Subnets: base.subnetIds,
      Tags: tags('api'),
    }),
  );
  await c.rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: names.dbCluster,
      Engine: 'aurora-postgresql',
      EngineVersion: '16.4',
      MasterUsername: 'reviewer',
      MasterUserPassword: 'not-a-secret-1',
      ServerlessV2ScalingConfiguration: {
        MinCapacity: e.dbMinCapacity ?? 0,
        MaxCapacity: 4,
      },
      Tags: tags('db'),
    }),
  );
  for (const component of ['uploads', 'archive'] as const) {
    const Bucket = `${prefix}-${component}`;
    await c.s3.send(new CreateBucketCommand({ Bucket }));
    await c.s3.send(
      new PutBucketTaggingCommand({
        Bucket,
        Tagging: { TagSet: tags(component) },
      }),
    );
  }
  const dlq = await c.sqs.send(
    new CreateQueueCommand({
      QueueName: names.ingestDlq,
      tags: environmentTags(tagged('dlq')),
    }),
  );
  const dlqArn = (
    await c.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: dlq.QueueUrl!,
        AttributeNames: ['QueueArn'],
      }),
    )
  ).Attributes!.QueueArn!;
  const queue = await c.sqs.send(
    new CreateQueueCommand({
      QueueName: names.ingestQueue,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: 5,
        }),
      },
      tags: environmentTags(tagged('queue')),
    }),
  );
  const send = async (QueueUrl: string, n: number) => {
    for (let i = 0; i < n; i += 10) {
      const Entries = Array.from({ length: Math.min(10, n - i) }, (_, j) => ({
        Id: `m${i + j}`,
        MessageBody: JSON.stringify({ key: `${e.clinic}/img-${i + j}.jpg` }),
      }));
      await c.sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
    }
  };
  await send(queue.QueueUrl!, e.queued ?? 0);
  await send(dlq.QueueUrl!, e.deadLetters ?? 0);

  for (const component of ['ingest', 'notify'] as const) {
    await c.lambda.send(
      new CreateFunctionCommand({
        FunctionName: `${prefix}-${component}`,
        Runtime: 'nodejs22.x',
        Role: base.roleArn,
        Handler: 'index.handler',
        Code: { ZipFile: EMPTY_ZIP },
        Tags: environmentTags(tagged(component)),
      }),
    );
  }
}

/** Creates every environment; moto must be empty or hold only other environments. */
export async function createFleetFixture(
  endpoint: string,
  environments: FixtureEnvironment[],
  options: {
    region?: string;
    concurrency?: number;
    /** Seed another account: credentials of a role assumed into it. */
    credentials?: FixtureCredentials;
  } = {},
): Promise<void> {
  const c = fleetClients(endpoint, options.region, options.credentials);
  try {
    const base = await shared(c, options.region ?? 'us-east-1');
    await mapLimited(environments, options.concurrency ?? 4, e =>
      createEnvironment(c, e, base).catch(error => {
        throw new Error(`fixture ${envNames(e).prefix}: ${error}`, {
          cause: error,
        });
      }),
    );
    // moto's StopDBCluster deep-copies RDS state and fails (500) when other
    // requests change it meanwhile, so clusters are stopped one at a time, last.
    for (const e of environments.filter(env => env.dbStopped)) {
      await c.rds.send(
        new StopDBClusterCommand({
          DBClusterIdentifier: envNames(e).dbCluster,
        }),
      );
    }
  } finally {
    Object.values(c).forEach(client => client.destroy());
  }
}

/** Sets an environment's API desired count (moto sets running = desired at once). */
export async function setDesiredCount(
  endpoint: string,
  env: { clinic: string; stage: string },
  desiredCount: number,
): Promise<void> {
  const ecs = new ECSClient(localAwsClientConfig(endpoint));
  try {
    await ecs.send(
      new UpdateServiceCommand({
        cluster: envNames(env).cluster,
        service: 'api',
        desiredCount,
      }),
    );
  } finally {
    ecs.destroy();
  }
}

/**
 * Adds ECS services (name -> desired count) beside an environment's `api`
 * service, with its task definition and tags. `steady` also sets running = desired (moto starts tasks
 * only on an update), as a service that has been running a while has.
 */
export async function addServices(
  endpoint: string,
  env: { clinic: string; stage: string },
  services: Record<string, number>,
  options: { steady?: boolean } = {},
): Promise<void> {
  const ecs = new ECSClient(localAwsClientConfig(endpoint));
  const cluster = envNames(env).cluster;
  try {
    const taskDefinition = (
      await ecs.send(
        new DescribeServicesCommand({ cluster, services: ['api'] }),
      )
    ).services![0].taskDefinition!;
    const tags = environmentTagList({ ...env, component: 'api' }).map(t => ({
      key: t.Key,
      value: t.Value,
    }));
    for (const [serviceName, desiredCount] of Object.entries(services)) {
      await ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName,
          taskDefinition,
          desiredCount,
          tags,
        }),
      );
      if (options.steady) {
        await ecs.send(
          new UpdateServiceCommand({
            cluster,
            service: serviceName,
            desiredCount,
          }),
        );
      }
    }
  } finally {
    ecs.destroy();
  }
}

/** The desired count of each named ECS service of an environment, by service name. */
export async function desiredCounts(
  endpoint: string,
  env: { clinic: string; stage: string },
  services: string[] = ['api', 'worker', 'web'],
): Promise<Record<string, number>> {
  const ecs = new ECSClient(localAwsClientConfig(endpoint));
  try {
    const res = await ecs.send(
      new DescribeServicesCommand({ cluster: envNames(env).cluster, services }),
    );
    return Object.fromEntries(
      (res.services ?? []).map(s => [s.serviceName!, s.desiredCount!]),
    );
  } finally {
    ecs.destroy();
  }
}

/** The status of an environment's database cluster (`available`, `stopped`, ...). */
export async function databaseStatus(
  endpoint: string,
  env: { clinic: string; stage: string },
): Promise<string | undefined> {
  const rds = new RDSClient(localAwsClientConfig(endpoint));
  try {
    const res = await rds.send(
      new DescribeDBClustersCommand({
        DBClusterIdentifier: envNames(env).dbCluster,
      }),
    );
    return res.DBClusters![0].Status;
  } finally {
    rds.destroy();
  }
}

/** alder/prod as several suites seed it: awake, three tasks, a database that does not auto-pause. */
export const ALDER_PROD: FixtureEnvironment = {
  clinic: 'alder',
  stage: 'prod',
  desiredCount: 3,
  marker: 'm-alder-prod-2',
  dbMinCapacity: 0.5,
};

/** birch/dev as several suites seed it: asleep, scaled to 0 with its database stopped. */
export const BIRCH_DEV_ASLEEP: FixtureEnvironment = {
  clinic: 'birch',
  stage: 'dev',
  desiredCount: 0,
  marker: 'm-birch-dev',
  dbStopped: true,
};

/**
 * Estate shapes the demo stack does not have, as real fleets do: an
 * environment of ECS services only, optionally with a provisioned RDS DB
 * instance instead of an Aurora cluster.
 */
export async function createServicesOnlyEnvironment(
  endpoint: string,
  env: { clinic: string; stage: string },
  options: { desiredCount: number; dbInstance?: boolean },
): Promise<void> {
  const config = localAwsClientConfig(endpoint);
  const ecs = new ECSClient({ ...config, maxAttempts: 6 });
  const rds = new RDSClient({ ...config, maxAttempts: 6 });
  const names = envNames(env);
  const ecsTags = environmentTagList({ ...env, component: 'api' }).map(t => ({
    key: t.Key,
    value: t.Value,
  }));
  try {
    await ecs.send(new CreateClusterCommand({ clusterName: names.cluster }));
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: names.taskFamily,
        containerDefinitions: [
          { name: 'api', image: 'image-review-api:latest', memory: 512 },
        ],
      }),
    );
    await ecs.send(
      new CreateServiceCommand({
        cluster: names.cluster,
        serviceName: 'api',
        taskDefinition: td.taskDefinition!.taskDefinitionArn!,
        desiredCount: options.desiredCount,
        tags: ecsTags,
      }),
    );
    await ecs.send(
      new UpdateServiceCommand({
        cluster: names.cluster,
        service: 'api',
        desiredCount: options.desiredCount,
      }),
    );
    if (options.dbInstance) {
      await rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: `${names.prefix}-db`,
          DBInstanceClass: 'db.t4g.micro',
          Engine: 'postgres',
          MasterUsername: 'reviewer',
          MasterUserPassword: 'not-a-secret-1',
          AllocatedStorage: 20,
          Tags: environmentTagList({ ...env, component: 'db' }),
        }),
      );
    }
  } finally {
    ecs.destroy();
    rds.destroy();
  }
}

/** Adds DB instances (writer first) to an environment's Aurora cluster, tagged as the stack's CDK tags them. */
export async function addAuroraInstances(
  endpoint: string,
  env: { clinic: string; stage: string },
  count: number,
): Promise<string[]> {
  const rds = new RDSClient({
    ...localAwsClientConfig(endpoint),
    maxAttempts: 6,
  });
  const names = envNames(env);
  const ids = Array.from(
    { length: count },
    (_, i) => `${names.dbCluster}-${i + 1}`,
  );
  try {
    for (const id of ids) {
      await rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: id,
          DBClusterIdentifier: names.dbCluster,
          DBInstanceClass: 'db.serverless',
          Engine: 'aurora-postgresql',
          Tags: environmentTagList({ ...env, component: 'db' }),
        }),
      );
    }
    return ids;
  } finally {
    rds.destroy();
  }
}

/** A provisioned DB instance's status (`available`, `stopped`, ...). */
export async function dbInstanceStatus(
  endpoint: string,
  identifier: string,
): Promise<string | undefined> {
  const rds = new RDSClient(localAwsClientConfig(endpoint));
  try {
    const res = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }),
    );
    return res.DBInstances![0].DBInstanceStatus;
  } finally {
    rds.destroy();
  }
}
