import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  Service,
} from '@aws-sdk/client-ecs';
import {
  EcsServiceStatus,
  RolloutState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation, locationKey } from './AwsLocation';

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_SERVICES_BATCH = 10;
/** The env var of the API container that carries the deploy marker. */
export const DEPLOY_MARKER_ENV = 'DEPLOY_MARKER';
const ROLLOUT_STATES: RolloutState[] = ['COMPLETED', 'IN_PROGRESS', 'FAILED'];

export type ServiceRead =
  | { arn: string; status: EcsServiceStatus }
  | { arn: string; error: Error };

/** ECS: service counts, rollout state, and the deploy marker of the primary deployment. */
export class EcsAdapter {
  /** Task definition revisions are immutable, so their markers are cached for good. */
  readonly #markers = new Map<string, Promise<string | null>>();

  constructor(private readonly factory: AwsClientFactory) {}

  /** Describes the services of one cluster, 10 per call; failures are per batch. */
  async describeServices(
    where: AwsLocation,
    cluster: string,
    serviceArns: string[],
  ): Promise<ServiceRead[]> {
    const batches: string[][] = [];
    for (let i = 0; i < serviceArns.length; i += DESCRIBE_SERVICES_BATCH) {
      batches.push(serviceArns.slice(i, i + DESCRIBE_SERVICES_BATCH));
    }
    const results = await Promise.all(
      batches.map(async batch => {
        try {
          const res = await this.factory.call('ecs', where, c =>
            c.send(new DescribeServicesCommand({ cluster, services: batch })),
          );
          const byArn = new Map(
            (res.services ?? []).map(s => [s.serviceArn ?? '', s]),
          );
          return Promise.all(
            batch.map(async (arn): Promise<ServiceRead> => {
              const service = byArn.get(arn);
              if (!service) {
                const failure = res.failures?.find(f => f.arn === arn);
                return {
                  arn,
                  error: new Error(
                    `ECS does not know service ${arn}: ${
                      failure?.reason ?? 'missing'
                    }`,
                  ),
                };
              }
              try {
                return {
                  arn,
                  status: await this.#toStatus(where, cluster, service),
                };
              } catch (error) {
                return { arn, error: error as Error };
              }
            }),
          );
        } catch (error) {
          return batch.map(arn => ({ arn, error: error as Error }));
        }
      }),
    );
    return results.flat();
  }

  async #toStatus(
    where: AwsLocation,
    cluster: string,
    service: Service,
  ): Promise<EcsServiceStatus> {
    const deployments = service.deployments ?? [];
    const primary = deployments.find(d => d.status === 'PRIMARY');
    const taskDefinition =
      primary?.taskDefinition ?? service.taskDefinition ?? null;
    const rollout = primary?.rolloutState as RolloutState | undefined;
    return {
      arn: service.serviceArn ?? '',
      cluster,
      name: service.serviceName ?? '',
      desired: service.desiredCount ?? 0,
      running: service.runningCount ?? 0,
      pending: service.pendingCount ?? 0,
      deployments: deployments.length,
      primaryRollout:
        rollout && ROLLOUT_STATES.includes(rollout) ? rollout : 'UNKNOWN',
      taskDefinition,
      deployMarker: taskDefinition
        ? await this.deployMarker(where, taskDefinition)
        : null,
      capacity: capacityOf(service),
      // Application Auto Scaling's view comes from its own API (LocationReader).
      scaling: null,
    };
  }

  /** The DEPLOY_MARKER of a task definition, preferring the container named `api`. */
  deployMarker(
    where: AwsLocation,
    taskDefinition: string,
  ): Promise<string | null> {
    const key = `${locationKey(where)}|${taskDefinition}`;
    let marker = this.#markers.get(key);
    if (!marker) {
      marker = this.factory
        .call('ecs', where, c =>
          c.send(new DescribeTaskDefinitionCommand({ taskDefinition })),
        )
        .then(res => {
          const containers = [
            ...(res.taskDefinition?.containerDefinitions ?? []),
          ];
          containers.sort(
            (a, b) => Number(b.name === 'api') - Number(a.name === 'api'),
          );
          for (const container of containers) {
            const env = container.environment?.find(
              e => e.name === DEPLOY_MARKER_ENV,
            );
            if (env?.value) return env.value;
          }
          return null;
        });
      this.#markers.set(key, marker);
      marker.catch(() => this.#markers.delete(key));
    }
    return marker;
  }
}

/** How a service's tasks run: its capacity providers (e.g. FARGATE_SPOT), else its launch type. */
function capacityOf(service: Service): string[] {
  const providers = (service.capacityProviderStrategy ?? [])
    .map(s => s.capacityProvider ?? '')
    .filter(Boolean);
  if (providers.length > 0) return providers;
  return service.launchType ? [service.launchType] : [];
}
