import {
  DatabaseStatus,
  EcsServiceStatus,
  EnvironmentError,
} from '@stagelight/backstage-plugin-stagelight-common';
import { AwsLocation } from '../aws/AwsLocation';
import { MetricRequest } from '../aws/CloudWatchAdapter';
import { ServiceRead } from '../aws/EcsAdapter';
import { FunctionInfo } from '../aws/LambdaAdapter';
import { DbInstanceRead, withInstances } from '../aws/RdsAdapter';
import { QueueCounts } from '../aws/SqsAdapter';
import { ParsedArn, parseArn } from '../aws/arn';
import { groupByCluster } from '../aws/serviceClusters';
import { Clock } from '../clock/Clock';
import { StatusAdapters } from './StatusAdapters';

export const ECS_SOURCE = 'ecs:DescribeServices';
export const RDS_SOURCE = 'rds:DescribeDBClusters';
export const RDS_INSTANCES_SOURCE = 'rds:DescribeDBInstances';
export const SCALING_SOURCE = 'application-autoscaling:DescribeScalableTargets';

/**
 * What a read covers: `full` is the scheduled refresh (every resource type,
 * metrics, functions, load balancers); `power` is what a wake or sleep
 * changes (ECS services and the database), re-read as soon as it ends.
 */
export type ReadScope = 'full' | 'power';

/** What was read from AWS for one account/region. */
export interface LocationReads {
  services: Map<string, EcsServiceStatus>;
  /** Aurora clusters by ARN, with their instances. */
  clusters: Map<string, DatabaseStatus>;
  /** DB instances by ARN: provisioned ones and Aurora members. */
  instances: Map<string, DbInstanceRead>;
  queues: Map<string, QueueCounts>;
  metrics: Map<string, number | null>;
  functions: Map<string, FunctionInfo>;
  albDns: Map<string, string>;
  /** Errors by the ARN they affect. */
  errors: Map<string, EnvironmentError[]>;
}

export function describeError(error: unknown): string {
  const e = error as Error;
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}

/**
 * Reads the resources of one account/region in batches, one call per service
 * where AWS allows it. A failing call marks only the ARNs it covered.
 */
export class LocationReader {
  constructor(
    private readonly deps: {
      adapters: StatusAdapters;
      clock: Clock;
      /** Load balancers are read only when no URL template gives the probe URL. */
      readLoadBalancers: boolean;
    },
  ) {}

  async read(
    where: AwsLocation,
    arns: string[],
    scope: ReadScope,
  ): Promise<LocationReads> {
    const { adapters, clock } = this.deps;
    const reads: LocationReads = {
      services: new Map(),
      clusters: new Map(),
      instances: new Map(),
      queues: new Map(),
      metrics: new Map(),
      functions: new Map(),
      albDns: new Map(),
      errors: new Map(),
    };
    const fail = (affected: string[], source: string, error: unknown) => {
      for (const arn of affected) {
        const list = reads.errors.get(arn) ?? [];
        list.push({ source, message: describeError(error) });
        reads.errors.set(arn, list);
      }
    };
    const parsed = arns.map(arn => parseArn(arn)!);
    const ofType = (type: string) => parsed.filter(p => p.type === type);

    const clusters = ofType('rds:cluster');
    const instances = ofType('rds:db');
    const services = this.#readServices(where, ofType('ecs:service')).then(
      async found => {
        for (const read of found) {
          if ('status' in read) reads.services.set(read.arn, read.status);
          else fail([read.arn], ECS_SOURCE, read.error);
        }
        await this.#readScaling(where, reads, fail);
      },
    );

    if (scope === 'power') {
      // One environment's database: describe it by name, not the whole
      // account's. A cluster's call brings its instances; tagged members are
      // not described again.
      await Promise.all([
        services,
        ...clusters.map(c =>
          adapters.rds.describeCluster(where, c.name).then(
            found => {
              if (found) reads.clusters.set(c.arn, found);
            },
            error => fail([c.arn], RDS_SOURCE, error),
          ),
        ),
        ...(clusters.length > 0 ? [] : instances).map(i =>
          adapters.rds.describeInstance(where, i.name).then(
            async found => {
              if (!found) return;
              reads.instances.set(i.arn, found);
              // A member tagged without its cluster: the cluster is what powers it.
              const cluster =
                found.clusterIdentifier &&
                (await adapters.rds.describeCluster(
                  where,
                  found.clusterIdentifier,
                ));
              if (cluster) reads.clusters.set(cluster.arn, cluster);
            },
            error => fail([i.arn], RDS_INSTANCES_SOURCE, error),
          ),
        ),
      ]);
      return reads;
    }

    const queues = ofType('sqs');
    const functions = ofType('lambda:function');
    const albs = ofType('elasticloadbalancing:loadbalancer');
    const metricRequests: MetricRequest[] = [
      ...queues.map(q => ({
        key: q.arn,
        namespace: 'AWS/SQS',
        metric: 'ApproximateAgeOfOldestMessage',
        dimension: { name: 'QueueName', value: q.name },
        stat: 'Maximum' as const,
      })),
      ...clusters.map(c => ({
        key: c.arn,
        namespace: 'AWS/RDS',
        metric: 'ServerlessDatabaseCapacity',
        dimension: { name: 'DBClusterIdentifier', value: c.name },
        stat: 'Average' as const,
      })),
    ];

    await Promise.all([
      services,
      clusters.length > 0 &&
        adapters.rds.describeClusters(where).then(
          found => {
            reads.clusters = found;
          },
          error =>
            fail(
              clusters.map(c => c.arn),
              RDS_SOURCE,
              error,
            ),
        ),
      // One listing gives provisioned instances and the status of every cluster's members.
      clusters.length + instances.length > 0 &&
        adapters.rds.describeInstances(where).then(
          found => {
            reads.instances = found;
          },
          error =>
            fail(
              instances.map(i => i.arn),
              RDS_INSTANCES_SOURCE,
              error,
            ),
        ),
      ...queues.map(q =>
        adapters.sqs.counts(where, q).then(
          counts => {
            reads.queues.set(q.arn, counts);
          },
          error => fail([q.arn], 'sqs:GetQueueAttributes', error),
        ),
      ),
      metricRequests.length > 0 &&
        adapters.cloudwatch.latest(where, metricRequests, clock.now()).then(
          found => {
            reads.metrics = found;
          },
          error =>
            fail(
              queues.map(q => q.arn),
              'cloudwatch:GetMetricData',
              error,
            ),
        ),
      functions.length > 0 &&
        adapters.lambda.listFunctions(where).then(
          found => {
            reads.functions = found;
          },
          error =>
            fail(
              functions.map(f => f.arn),
              'lambda:ListFunctions',
              error,
            ),
        ),
      this.deps.readLoadBalancers &&
        albs.length > 0 &&
        adapters.elb
          .dnsNames(
            where,
            albs.map(a => a.arn),
          )
          .then(
            found => {
              reads.albDns = found;
            },
            error =>
              fail(
                albs.map(a => a.arn),
                'elasticloadbalancing:DescribeLoadBalancers',
                error,
              ),
          ),
    ]);
    for (const [arn, cluster] of reads.clusters) {
      reads.clusters.set(arn, withInstances(cluster, reads.instances.values()));
    }
    return reads;
  }

  /** The scalable-target bounds of the services read, set on their status. */
  async #readScaling(
    where: AwsLocation,
    reads: LocationReads,
    fail: (affected: string[], source: string, error: unknown) => void,
  ) {
    const arns = [...reads.services.keys()];
    if (arns.length === 0) return;
    try {
      const bounds = await this.deps.adapters.scaling.boundsOf(where, arns);
      for (const [arn, b] of bounds) {
        const status = reads.services.get(arn)!;
        const s = b.suspended;
        reads.services.set(arn, {
          ...status,
          scaling: {
            min: b.min,
            max: b.max,
            suspended: s.dynamicScalingIn || s.dynamicScalingOut || s.scheduled,
          },
        });
      }
    } catch (error) {
      // Power is still known from the services; the bounds are reported missing.
      fail(arns, SCALING_SOURCE, error);
    }
  }

  /** Describes ECS services of one account/region, a call per cluster. */
  async #readServices(
    where: AwsLocation,
    services: ParsedArn[],
  ): Promise<ServiceRead[]> {
    const groups = groupByCluster(
      services.map(s => ({
        arn: s.arn,
        cluster: s.parent ?? 'default',
        location: where,
      })),
    );
    const reads = await Promise.all(
      groups.map(g =>
        this.deps.adapters.ecs.describeServices(where, g.cluster, g.arns),
      ),
    );
    return reads.flat();
  }
}
