import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { DEFAULT_TAG_KEYS, environmentTagList } from '@stagelight/tag-contract';
import { DemoEnvironment, environmentResourceNames } from '../fleet/demoFleet';
import { SeedClients } from './clients';
import { isNotFound } from './errors';
import { DemoNetwork } from './network';

const ecsTags = (env: DemoEnvironment) =>
  environmentTagList({
    clinic: env.clinic,
    stage: env.stage,
    owner: env.owner,
    component: 'api',
  }).map(({ Key, Value }) => ({ key: Key, value: Value }));

/** The API's task definition revision carrying the environment's deploy marker. */
async function ensureTaskDefinition(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
) {
  const names = environmentResourceNames(env, accountId);
  try {
    const existing = await c.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: names.taskFamily }),
    );
    const marker = existing.taskDefinition?.containerDefinitions
      ?.find(d => d.name === 'api')
      ?.environment?.find(e => e.name === 'DEPLOY_MARKER')?.value;
    if (
      marker === env.deployMarker &&
      existing.taskDefinition?.taskDefinitionArn
    ) {
      return existing.taskDefinition.taskDefinitionArn;
    }
  } catch (error) {
    if (!isNotFound(error) && !/Unable to describe/i.test(String(error)))
      throw error;
  }
  const registered = await c.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: names.taskFamily,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      containerDefinitions: [
        {
          name: 'api',
          image: `${accountId}.dkr.ecr.${c.region}.amazonaws.com/image-review-api:${env.deployMarker}`,
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment: [
            { name: 'DEPLOY_MARKER', value: env.deployMarker },
            { name: 'CLINIC', value: env.clinic },
            { name: 'STAGE', value: env.stage },
          ],
        },
      ],
      tags: ecsTags(env),
    }),
  );
  return registered.taskDefinition!.taskDefinitionArn!;
}

export async function seedEcs(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
  network: DemoNetwork,
) {
  const names = environmentResourceNames(env, accountId);
  const cluster = await c.ecs.send(
    new CreateClusterCommand({
      clusterName: names.cluster,
      tags: ecsTags(env),
    }),
  );
  const clusterArn = cluster.cluster!.clusterArn!;
  await c.ecs.send(
    new TagResourceCommand({ resourceArn: clusterArn, tags: ecsTags(env) }),
  );
  const taskDefinitionArn = await ensureTaskDefinition(c, env, accountId);

  const described = await c.ecs.send(
    new DescribeServicesCommand({
      cluster: names.cluster,
      services: [names.service],
    }),
  );
  const existing = described.services?.find(s => s.status === 'ACTIVE');
  if (existing) return { clusterArn, serviceArn: existing.serviceArn! };

  const desired = env.asleep ? 0 : env.apiDesiredCount;
  const created = await c.ecs.send(
    new CreateServiceCommand({
      cluster: names.cluster,
      serviceName: names.service,
      taskDefinition: taskDefinitionArn,
      desiredCount: desired,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: network.subnets,
          securityGroups: [network.securityGroup],
          assignPublicIp: 'DISABLED',
        },
      },
      // A sleeping service remembers what to come back to (docs/architecture.md, "Power").
      tags: [
        ...ecsTags(env),
        ...(env.asleep
          ? [
              {
                key: DEFAULT_TAG_KEYS.desiredCount,
                value: String(env.apiDesiredCount),
              },
            ]
          : []),
      ],
    }),
  );
  if (desired > 0) {
    // moto creates services with every task pending; updating the count is what
    // makes it report them running, as a settled service would be.
    await c.ecs.send(
      new UpdateServiceCommand({
        cluster: names.cluster,
        service: names.service,
        desiredCount: desired,
      }),
    );
  }
  return { clusterArn, serviceArn: created.service!.serviceArn! };
}
