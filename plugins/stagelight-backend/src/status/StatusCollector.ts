import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DatabaseStatus,
  EcsServiceStatus,
  EnvironmentError,
  EnvironmentResource,
  PowerState,
  FunctionStatus,
  QueueStatus,
} from '@internal/plugin-stagelight-common';
import { APP_NAME } from '@internal/stagelight-tag-contract';
import { AwsClientFactory, AwsLocation } from '../aws/AwsClientFactory';
import { CloudWatchAdapter, MetricRequest } from '../aws/CloudWatchAdapter';
import { EcsAdapter, ServiceRead } from '../aws/EcsAdapter';
import { LambdaAdapter, FunctionInfo } from '../aws/LambdaAdapter';
import { LoadBalancerAdapter } from '../aws/LoadBalancerAdapter';
import { mapLimited } from '../aws/Limiter';
import { RdsAdapter } from '../aws/RdsAdapter';
import { SqsAdapter, QueueCounts } from '../aws/SqsAdapter';
import { TaggingAdapter } from '../aws/TaggingAdapter';
import { ParsedArn, parseArn } from '../aws/arn';
import { StagelightSettings } from '../config/StagelightConfig';
import {
  DiscoveredEnvironment,
  TargetListing,
  discoverEnvironments,
  environmentKey,
} from '../inventory/discoverEnvironments';
import { locationOf } from '../power/PowerTargets';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { probeUrlFor } from '../readiness/probeUrl';
import { ProbeResult, deriveReadiness } from '../readiness/readinessState';
import { Clock } from './Clock';
import { EnvironmentRecord } from './EnvironmentRecord';
import { derivePowerState } from './powerState';
import { summarizeQueues } from './queueDepth';

const ECS_SOURCE = 'ecs:DescribeServices';
const RDS_SOURCE = 'rds:DescribeDBClusters';
/** Error sources of the reads a one-environment refresh repeats. */
const CORE_SOURCES = [ECS_SOURCE, RDS_SOURCE];

/** Probes run at most this many at once. */
const PROBE_CONCURRENCY = 16;

/** What was read from AWS for one account/region. */
interface LocationReads {
  services: Map<string, EcsServiceStatus>;
  clusters: Map<string, DatabaseStatus>;
  queues: Map<string, QueueCounts>;
  metrics: Map<string, number | null>;
  functions: Map<string, FunctionInfo>;
  albDns: Map<string, string>;
  /** Errors by the ARN they affect. */
  errors: Map<string, EnvironmentError[]>;
}

export interface CollectResult {
  records: EnvironmentRecord[];
  /** Targets whose inventory could not be listed; their last known records were carried forward. */
  failedTargets: AwsLocation[];
}

function describe(error: unknown): string {
  const e = error as Error;
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}

function locationKey(where: AwsLocation) {
  return `${where.accountId ?? 'main'}|${where.region}`;
}

function clusterNotFound(identifier: string): EnvironmentError {
  return { source: RDS_SOURCE, message: `cluster ${identifier} not found` };
}

/**
 * Builds the status of every environment in one pass over AWS: inventory per
 * account/region, then batched reads per service grouped by account/region. A
 * failing call marks only the environments whose resources it covered.
 */
export class StatusCollector {
  readonly #tagging: TaggingAdapter;
  readonly #ecs: EcsAdapter;
  readonly #rds: RdsAdapter;
  readonly #sqs: SqsAdapter;
  readonly #cloudwatch: CloudWatchAdapter;
  readonly #lambda: LambdaAdapter;
  readonly #elb: LoadBalancerAdapter;

  constructor(
    private readonly deps: {
      factory: AwsClientFactory;
      settings: StagelightSettings;
      probe: DeployMarkerProbe;
      clock: Clock;
      logger: LoggerService;
    },
  ) {
    const { factory, settings } = deps;
    this.#tagging = new TaggingAdapter(factory);
    this.#ecs = new EcsAdapter(factory);
    this.#rds = new RdsAdapter(factory);
    this.#sqs = new SqsAdapter(factory, settings.aws.endpoint);
    this.#cloudwatch = new CloudWatchAdapter(factory);
    this.#lambda = new LambdaAdapter(factory);
    this.#elb = new LoadBalancerAdapter(factory);
  }

  async collect(previous: EnvironmentRecord[] = []): Promise<CollectResult> {
    const { settings, logger } = this.deps;
    const listings: TargetListing[] = [];
    const failedTargets: { target: AwsLocation; error: string }[] = [];
    await Promise.all(
      settings.aws.targets.map(async target => {
        try {
          const resources = await this.#tagging.listByTag(target, {
            key: settings.tags.app,
            value: APP_NAME,
          });
          listings.push({ target, resources });
        } catch (error) {
          logger.warn(
            `Stagelight could not list tagged resources in ${locationKey(
              target,
            )}: ${describe(error)}`,
          );
          failedTargets.push({ target, error: describe(error) });
        }
      }),
    );

    // Calls go out with the target's credentials, whatever account an ARN names.
    const targetOf = new Map<string, AwsLocation>();
    for (const { target, resources } of listings) {
      for (const r of resources)
        if (!targetOf.has(r.arn)) targetOf.set(r.arn, target);
    }

    const envs = discoverEnvironments(listings, settings.tags, settings.stages);
    const byLocation = new Map<
      string,
      { where: AwsLocation; arns: string[] }
    >();
    for (const env of envs) {
      for (const r of env.resources) {
        if (r.type === 's3') continue;
        const where = targetOf.get(r.arn)!;
        const key = locationKey(where);
        if (!byLocation.has(key)) byLocation.set(key, { where, arns: [] });
        byLocation.get(key)!.arns.push(r.arn);
      }
    }
    const reads = new Map<string, LocationReads>();
    await Promise.all(
      [...byLocation.entries()].map(async ([key, { where, arns }]) => {
        reads.set(key, await this.#readLocation(where, arns));
      }),
    );

    const refreshedAt = this.deps.clock.now().toISOString();
    const records = await mapLimited(envs, PROBE_CONCURRENCY, env =>
      this.#record(env, targetOf, reads, refreshedAt),
    );

    const known = new Set(records.map(r => environmentKey(r.clinic, r.stage)));
    for (const failed of failedTargets) {
      for (const old of previous) {
        const inTarget = old.resources.some(
          r =>
            r.type !== 's3' &&
            r.region === failed.target.region &&
            (!failed.target.accountId ||
              r.accountId === failed.target.accountId),
        );
        const key = environmentKey(old.clinic, old.stage);
        if (!inTarget || known.has(key)) continue;
        known.add(key);
        records.push({
          ...old,
          power: 'unknown',
          errors: [{ source: 'tagging:GetResources', message: failed.error }],
        });
      }
    }
    return { records, failedTargets: failedTargets.map(f => f.target) };
  }

  async #readLocation(
    where: AwsLocation,
    arns: string[],
  ): Promise<LocationReads> {
    const { settings, clock } = this.deps;
    const reads: LocationReads = {
      services: new Map(),
      clusters: new Map(),
      queues: new Map(),
      metrics: new Map(),
      functions: new Map(),
      albDns: new Map(),
      errors: new Map(),
    };
    const fail = (affected: string[], source: string, error: unknown) => {
      for (const arn of affected) {
        const list = reads.errors.get(arn) ?? [];
        list.push({ source, message: describe(error) });
        reads.errors.set(arn, list);
      }
    };
    const parsed = arns.map(arn => parseArn(arn)!);
    const ofType = (type: string) => parsed.filter(p => p.type === type);

    const clusters = ofType('rds:cluster');
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
      this.#readServices(where, ofType('ecs:service')).then(found => {
        for (const read of found) {
          if ('status' in read) reads.services.set(read.arn, read.status);
          else fail([read.arn], ECS_SOURCE, read.error);
        }
      }),
      clusters.length > 0 &&
        this.#rds.describeClusters(where).then(
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
      ...queues.map(q =>
        this.#sqs.counts(where, q).then(
          counts => {
            reads.queues.set(q.arn, counts);
          },
          error => fail([q.arn], 'sqs:GetQueueAttributes', error),
        ),
      ),
      metricRequests.length > 0 &&
        this.#cloudwatch.latest(where, metricRequests, clock.now()).then(
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
        this.#lambda.listFunctions(where).then(
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
      !settings.readiness.baseUrlTemplate &&
        albs.length > 0 &&
        this.#elb
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
    return reads;
  }

  async #record(
    env: DiscoveredEnvironment,
    targetOf: Map<string, AwsLocation>,
    reads: Map<string, LocationReads>,
    refreshedAt: string,
  ): Promise<EnvironmentRecord> {
    const { settings } = this.deps;
    const services: EcsServiceStatus[] = [];
    const queues: QueueStatus[] = [];
    const functions: FunctionStatus[] = [];
    const errors: EnvironmentError[] = [];
    let database: DatabaseStatus | null = null;
    let coreReadFailed = false;
    let queueReadFailed = false;
    const albDns = new Map<string, string>();

    for (const r of env.resources) {
      if (r.type === 's3') continue;
      const read = reads.get(locationKey(targetOf.get(r.arn)!));
      if (!read) continue;
      const failures = read.errors.get(r.arn) ?? [];
      errors.push(...failures);
      const dns = read.albDns.get(r.arn);
      if (dns) albDns.set(r.arn, dns);

      if (r.type === 'ecs:service') {
        const s = read.services.get(r.arn);
        if (s) services.push(s);
        else coreReadFailed = true;
      } else if (r.type === 'rds:cluster') {
        const db = read.clusters.get(r.arn);
        if (db && !database) {
          database = { ...db, capacityAcu: read.metrics.get(r.arn) ?? null };
        } else if (!db) {
          coreReadFailed = true;
          if (failures.length === 0) errors.push(clusterNotFound(r.name));
        }
      } else if (r.type === 'sqs') {
        const counts = read.queues.get(r.arn);
        if (counts) {
          queues.push({
            arn: r.arn,
            name: r.name,
            component: r.component,
            ...counts,
            oldestAgeSeconds: read.metrics.get(r.arn) ?? null,
          });
        } else {
          queueReadFailed = true;
        }
      } else if (r.type === 'lambda:function') {
        const fn = read.functions.get(r.arn);
        functions.push({
          arn: r.arn,
          name: r.name,
          component: r.component,
          runtime: fn?.runtime ?? null,
          state: fn?.state ?? null,
          lastModified: fn?.lastModified ?? null,
          memoryMb: fn?.memoryMb ?? null,
        });
      }
    }

    const power = derivePowerState(services, database, coreReadFailed);
    const probeUrl = probeUrlFor(env, settings.readiness, albDns);
    return {
      clinic: env.clinic,
      stage: env.stage,
      protected: env.protected,
      owner: env.owner,
      power,
      // Partial sums would understate a backlog: no depth rather than a wrong one.
      queue: queueReadFailed ? null : summarizeQueues(queues),
      errors,
      refreshedAt,
      resources: env.resources,
      services,
      database,
      queues,
      functions,
      ...(await this.#readiness(env.resources, power, services, probeUrl)),
    };
  }

  /**
   * Re-reads one environment whose resources are known, after a power
   * operation: its ECS services, its database and its deploy marker. Queue,
   * function and metric figures are kept until the next full refresh.
   */
  async collectEnvironment(
    record: EnvironmentRecord,
  ): Promise<EnvironmentRecord> {
    const { settings, clock } = this.deps;
    // The time the reads begin: a full refresh that began earlier holds older news.
    const refreshedAt = clock.now().toISOString();
    const servicesByLocation = new Map<
      string,
      { where: AwsLocation; services: ParsedArn[] }
    >();
    let db: { where: AwsLocation; identifier: string } | undefined;
    for (const r of record.resources) {
      const arn = parseArn(r.arn);
      if (!arn) continue;
      const where = locationOf(arn.accountId, arn.region, settings.aws.targets);
      if (arn.type === 'ecs:service') {
        const key = locationKey(where);
        const group = servicesByLocation.get(key) ?? { where, services: [] };
        group.services.push(arn);
        servicesByLocation.set(key, group);
      } else if (arn.type === 'rds:cluster' && !db) {
        db = { where, identifier: arn.name };
      }
    }

    const errors = record.errors.filter(e => !CORE_SOURCES.includes(e.source));
    const reads = new Map<string, EcsServiceStatus>();
    let database: DatabaseStatus | null = null;
    let coreReadFailed = false;
    await Promise.all([
      ...[...servicesByLocation.values()].map(async g => {
        for (const read of await this.#readServices(g.where, g.services)) {
          if ('status' in read) {
            reads.set(read.arn, read.status);
          } else {
            coreReadFailed = true;
            errors.push({ source: ECS_SOURCE, message: describe(read.error) });
          }
        }
      }),
      db &&
        this.#rds.describeCluster(db.where, db.identifier).then(
          found => {
            if (found) {
              database = {
                ...found,
                capacityAcu: record.database?.capacityAcu ?? null,
              };
            } else {
              coreReadFailed = true;
              errors.push(clusterNotFound(db!.identifier));
            }
          },
          error => {
            coreReadFailed = true;
            errors.push({ source: RDS_SOURCE, message: describe(error) });
          },
        ),
    ]);
    // In inventory order, as the full refresh lists them.
    const services = record.resources.flatMap(r => {
      const s = reads.get(r.arn);
      return s ? [s] : [];
    });
    const power = derivePowerState(services, database, coreReadFailed);
    return {
      ...record,
      power,
      errors,
      refreshedAt,
      services,
      database,
      ...(await this.#readiness(
        record.resources,
        power,
        services,
        record.readinessDetail.probeUrl,
      )),
    };
  }

  /** Describes ECS services of one account/region; DescribeServices takes one cluster per call. */
  async #readServices(
    where: AwsLocation,
    services: ParsedArn[],
  ): Promise<ServiceRead[]> {
    const byCluster = new Map<string, string[]>();
    for (const s of services) {
      const cluster = s.parent ?? 'default';
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), s.arn]);
    }
    const reads = await Promise.all(
      [...byCluster].map(([cluster, arns]) =>
        this.#ecs.describeServices(where, cluster, arns),
      ),
    );
    return reads.flat();
  }

  /** Expected and served deploy marker and the readiness they make. */
  async #readiness(
    resources: EnvironmentResource[],
    power: PowerState,
    services: EcsServiceStatus[],
    probeUrl: string | null,
  ): Promise<
    Pick<
      EnvironmentRecord,
      'readiness' | 'expectedMarker' | 'servedMarker' | 'readinessDetail'
    >
  > {
    const { settings, probe } = this.deps;
    const apiArns = new Set(
      resources.filter(r => r.component === 'api').map(r => r.arn),
    );
    const expectedMarker =
      services.find(s => apiArns.has(s.arn) && s.deployMarker)?.deployMarker ??
      services.find(s => s.deployMarker)?.deployMarker ??
      null;

    let probed: ProbeResult | undefined;
    let checkedAt: string | null = null;
    if (
      settings.readiness.probeOnRefresh &&
      probeUrl &&
      power !== 'asleep' &&
      power !== 'paused'
    ) {
      probed = await probe.probe(probeUrl);
      checkedAt = this.deps.clock.now().toISOString();
    }
    const readiness = deriveReadiness({
      power,
      services,
      expectedMarker,
      probe: probed,
    });
    const servedMarker = probed?.ok ? probed.marker : null;
    return {
      readiness: readiness.state,
      expectedMarker,
      servedMarker,
      readinessDetail: {
        state: readiness.state,
        expectedMarker,
        servedMarker,
        reason: readiness.reason,
        probeUrl,
        checkedAt,
      },
    };
  }
}
