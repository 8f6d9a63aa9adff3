import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DatabaseStatus,
  EcsServiceStatus,
  EnvironmentError,
  FunctionStatus,
  QueueStatus,
} from '@stagelight/backstage-plugin-stagelight-common';
import { APP_NAME } from '@stagelight/tag-contract';
import { AwsLocation, locationKey, locationOf } from '../aws/AwsLocation';
import { instanceDatabase } from '../aws/RdsAdapter';
import { mapLimited } from '../aws/Limiter';
import { parseArn } from '../aws/arn';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import {
  DiscoveredEnvironment,
  TargetListing,
  discoverEnvironments,
  environmentKey,
} from '../inventory/discoverEnvironments';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { probeUrlFor, snapshotProbeUrl } from '../readiness/probeUrl';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import {
  describeError,
  ECS_SOURCE,
  LocationReader,
  LocationReads,
  RDS_INSTANCES_SOURCE,
  RDS_SOURCE,
  ReadScope,
  SCALING_SOURCE,
} from './LocationReader';
import { chooseDatabase } from './chooseDatabase';
import { derivePowerState } from './powerState';
import { summarizeQueues } from './queueDepth';
import { ReadinessReader } from './ReadinessReader';
import { StatusAdapters } from './StatusAdapters';

/** Error sources of the reads a `power` read repeats; the others' errors are kept. */
const POWER_SOURCES = [
  ECS_SOURCE,
  SCALING_SOURCE,
  RDS_SOURCE,
  RDS_INSTANCES_SOURCE,
];
/** Resource types a `power` read covers. */
const POWER_TYPES = ['ecs:service', 'rds:cluster', 'rds:db'];

/** Probes run at most this many at once. */
const PROBE_CONCURRENCY = 16;

export interface CollectResult {
  records: EnvironmentRecord[];
  /** Targets whose inventory could not be listed; their last known records were carried forward. */
  failedTargets: AwsLocation[];
}

function clusterNotFound(identifier: string): EnvironmentError {
  return { source: RDS_SOURCE, message: `cluster ${identifier} not found` };
}

function instanceNotFound(identifier: string): EnvironmentError {
  return {
    source: RDS_INSTANCES_SOURCE,
    message: `DB instance ${identifier} not found`,
  };
}

/**
 * Builds environments' status from AWS: the whole fleet (inventory per
 * account/region by tag, then batched reads per service) or one environment
 * whose resources are known, through the same reads and the same record
 * builder. A failing call marks only the environments whose resources it
 * covered.
 */
export class StatusCollector {
  readonly #locations: LocationReader;
  readonly #readiness: ReadinessReader;

  constructor(
    private readonly deps: {
      adapters: StatusAdapters;
      settings: StagelightSettings;
      probe: DeployMarkerProbe;
      clock: Clock;
      logger: LoggerService;
    },
  ) {
    const { adapters, settings, probe, clock } = deps;
    this.#locations = new LocationReader({
      adapters,
      clock,
      readLoadBalancers: !settings.readiness.baseUrlTemplate,
    });
    this.#readiness = new ReadinessReader({
      probe,
      clock,
      readiness: settings.readiness,
    });
  }

  /** The whole fleet; environments of a target that cannot be listed keep their `previous` record, marked unknown. */
  async collect(previous: EnvironmentRecord[] = []): Promise<CollectResult> {
    const { settings, logger, adapters } = this.deps;
    const listings: TargetListing[] = [];
    const failedTargets: { target: AwsLocation; error: string }[] = [];
    await Promise.all(
      settings.aws.targets.map(async target => {
        try {
          const resources = await adapters.tagging.listByTag(target, {
            key: settings.tags.app,
            value: APP_NAME,
          });
          listings.push({ target, resources });
        } catch (error) {
          logger.warn(
            `Stagelight could not list tagged resources in ${locationKey(
              target,
            )}: ${describeError(error)}`,
          );
          failedTargets.push({ target, error: describeError(error) });
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
    const records = await this.#read(envs, arn => targetOf.get(arn)!, 'full');

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

  /**
   * Re-reads one environment after a power operation: its ECS services, its
   * database and its deploy marker. Queue, function and metric figures are
   * kept until the next full refresh.
   */
  async collectEnvironment(
    record: EnvironmentRecord,
  ): Promise<EnvironmentRecord> {
    const { targets } = this.deps.settings.aws;
    const [updated] = await this.#read(
      [record],
      arn => {
        const parsed = parseArn(arn)!;
        return locationOf(parsed.accountId, parsed.region, targets);
      },
      'power',
      record,
    );
    return updated;
  }

  /** Reads `envs`' resources per account/region, then builds each record. */
  async #read(
    envs: DiscoveredEnvironment[],
    whereOf: (arn: string) => AwsLocation,
    scope: ReadScope,
    previous?: EnvironmentRecord,
  ): Promise<EnvironmentRecord[]> {
    // A power read's time is when it began: a full refresh that began earlier holds older news.
    const startedAt = this.deps.clock.now().toISOString();
    const byLocation = new Map<
      string,
      { where: AwsLocation; arns: string[] }
    >();
    const locationOfArn = new Map<string, string>();
    for (const env of envs) {
      for (const r of env.resources) {
        if (r.type === 's3') continue;
        if (scope === 'power' && !POWER_TYPES.includes(r.type)) continue;
        if (!parseArn(r.arn)) continue;
        const where = whereOf(r.arn);
        const key = locationKey(where);
        locationOfArn.set(r.arn, key);
        if (!byLocation.has(key)) byLocation.set(key, { where, arns: [] });
        byLocation.get(key)!.arns.push(r.arn);
      }
    }
    const reads = new Map<string, LocationReads>();
    await Promise.all(
      [...byLocation.entries()].map(async ([key, { where, arns }]) => {
        reads.set(key, await this.#locations.read(where, arns, scope));
      }),
    );
    const refreshedAt =
      scope === 'power' ? startedAt : this.deps.clock.now().toISOString();
    return mapLimited(envs, PROBE_CONCURRENCY, env =>
      this.#record(env, arn => reads.get(locationOfArn.get(arn) ?? ''), {
        refreshedAt,
        previous,
      }),
    );
  }

  async #record(
    env: DiscoveredEnvironment,
    readsOf: (arn: string) => LocationReads | undefined,
    o: { refreshedAt: string; previous?: EnvironmentRecord },
  ): Promise<EnvironmentRecord> {
    const { settings } = this.deps;
    const { previous } = o;
    const services: EcsServiceStatus[] = [];
    const queues: QueueStatus[] = [];
    const functions: FunctionStatus[] = [];
    const errors: EnvironmentError[] = previous
      ? previous.errors.filter(e => !POWER_SOURCES.includes(e.source))
      : [];
    const databases: DatabaseStatus[] = [];
    let coreReadFailed = false;
    let queueReadFailed = false;
    const albDns = new Map<string, string>();

    for (const r of env.resources) {
      const read = readsOf(r.arn);
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
        if (db) {
          // A power read keeps the capacity metric of the last full refresh.
          const capacityAcu = previous
            ? previous.database?.capacityAcu ?? null
            : read.metrics.get(r.arn) ?? null;
          databases.push({ ...db, capacityAcu });
        } else {
          coreReadFailed = true;
          if (failures.length === 0) errors.push(clusterNotFound(r.name));
        }
      } else if (r.type === 'rds:db') {
        const instance = read.instances.get(r.arn);
        if (instance?.clusterIdentifier) {
          // An Aurora member: its cluster is the database (once, if it was tagged too).
          const cluster = [...read.clusters.values()].find(
            c => c.identifier === instance.clusterIdentifier,
          );
          if (cluster) databases.push(cluster);
        } else if (instance) {
          databases.push(instanceDatabase(instance));
        } else if (failures.length > 0) {
          coreReadFailed = true;
        } else if (!previous) {
          // A power read of a cluster's environment leaves its tagged members out.
          coreReadFailed = true;
          errors.push(instanceNotFound(r.name));
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

    const chosen = chooseDatabase(databases);
    const database = chosen.database;
    if (chosen.error) errors.push(chosen.error);
    const power = derivePowerState(services, database, coreReadFailed);
    const probeUrl = previous
      ? snapshotProbeUrl(previous, settings.readiness)
      : probeUrlFor(env, settings.readiness, albDns);
    const readiness = await this.#readiness.read(
      env.resources,
      power,
      services,
      probeUrl,
    );
    const changed = {
      power,
      errors,
      refreshedAt: o.refreshedAt,
      services,
      database,
      ...readiness,
    };
    if (previous) return { ...previous, ...changed };
    return {
      clinic: env.clinic,
      stage: env.stage,
      protected: env.protected,
      owner: env.owner,
      // Partial sums would understate a backlog: no depth rather than a wrong one.
      queue: queueReadFailed ? null : summarizeQueues(queues),
      resources: env.resources,
      queues,
      functions,
      ...changed,
    };
  }
}
