import {
  DBCluster,
  DBInstance,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
} from '@aws-sdk/client-rds';
import {
  DatabaseInstanceStatus,
  DatabaseStatus,
} from '@stagelight/backstage-plugin-stagelight-common';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

/** A DB instance as RDS lists it, with the Aurora cluster it belongs to. */
export interface DbInstanceRead {
  arn: string;
  /** The Aurora cluster's identifier; null for a provisioned instance. */
  clusterIdentifier: string | null;
  status: DatabaseInstanceStatus;
  engine: string | null;
}

/**
 * RDS/Aurora: all clusters and all DB instances of a region in pages of 100.
 * One paged listing is cheaper than a call per database, and RDS throttles
 * every API together.
 */
export class RdsAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  /** Every cluster of the region by ARN, without its instances (see `withInstances`). */
  async describeClusters(
    where: AwsLocation,
  ): Promise<Map<string, DatabaseStatus>> {
    const out = new Map<string, DatabaseStatus>();
    let marker: string | undefined;
    do {
      const command = new DescribeDBClustersCommand({
        MaxRecords: 100,
        Marker: marker,
      });
      const page = await this.factory.call('rds', where, c => c.send(command));
      for (const cluster of page.DBClusters ?? []) {
        if (cluster.DBClusterArn)
          out.set(cluster.DBClusterArn, clusterStatus(cluster));
      }
      marker = page.Marker || undefined;
    } while (marker);
    return out;
  }

  /** Every DB instance of the region by ARN: Aurora members and provisioned instances. */
  async describeInstances(
    where: AwsLocation,
  ): Promise<Map<string, DbInstanceRead>> {
    const out = new Map<string, DbInstanceRead>();
    let marker: string | undefined;
    do {
      const command = new DescribeDBInstancesCommand({
        MaxRecords: 100,
        Marker: marker,
      });
      const page = await this.factory.call('rds', where, c => c.send(command));
      for (const instance of page.DBInstances ?? []) {
        if (instance.DBInstanceArn)
          out.set(instance.DBInstanceArn, instanceRead(instance));
      }
      marker = page.Marker || undefined;
    } while (marker);
    return out;
  }

  /** One cluster and its instances (after a power operation); undefined when RDS does not know it. */
  async describeCluster(
    where: AwsLocation,
    identifier: string,
  ): Promise<DatabaseStatus | undefined> {
    try {
      const res = await this.factory.call('rds', where, c =>
        c.send(
          new DescribeDBClustersCommand({ DBClusterIdentifier: identifier }),
        ),
      );
      const cluster = res.DBClusters?.[0];
      if (!cluster) return undefined;
      const members = await this.factory.call('rds', where, c =>
        c.send(
          new DescribeDBInstancesCommand({
            Filters: [{ Name: 'db-cluster-id', Values: [identifier] }],
          }),
        ),
      );
      return withInstances(
        clusterStatus(cluster),
        (members.DBInstances ?? []).map(instanceRead),
      );
    } catch (error) {
      if ((error as Error).name === 'DBClusterNotFoundFault') return undefined;
      throw error;
    }
  }

  /** One DB instance (after a power operation); undefined when RDS does not know it. */
  async describeInstance(
    where: AwsLocation,
    identifier: string,
  ): Promise<DbInstanceRead | undefined> {
    try {
      const res = await this.factory.call('rds', where, c =>
        c.send(
          new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }),
        ),
      );
      const instance = res.DBInstances?.[0];
      return instance ? instanceRead(instance) : undefined;
    } catch (error) {
      if ((error as Error).name === 'DBInstanceNotFoundFault') return undefined;
      throw error;
    }
  }
}

/**
 * A cluster with the status of its instances, writer first. Members the
 * listing lacks stay `unknown`; instances naming the cluster that its member
 * list lacks (a reader being added) are included.
 */
export function withInstances(
  cluster: DatabaseStatus,
  instances: Iterable<DbInstanceRead>,
): DatabaseStatus {
  const read = new Map<string, DatabaseInstanceStatus>();
  for (const i of instances) {
    if (i.clusterIdentifier === cluster.identifier)
      read.set(i.status.identifier, i.status);
  }
  const members = cluster.instances.map(m => ({
    ...(read.get(m.identifier) ?? m),
    writer: m.writer,
  }));
  for (const [identifier, status] of read) {
    if (!members.some(m => m.identifier === identifier))
      members.push({ ...status, writer: false });
  }
  members.sort(
    (a, b) =>
      Number(b.writer) - Number(a.writer) ||
      a.identifier.localeCompare(b.identifier),
  );
  return { ...cluster, instances: members };
}

/** A provisioned instance as an environment's database. */
export function instanceDatabase(read: DbInstanceRead): DatabaseStatus {
  return {
    arn: read.arn,
    kind: 'instance',
    identifier: read.status.identifier,
    engine: read.engine,
    status: read.status.status,
    instances: [read.status],
    serverlessV2: null,
    autoPause: false,
    capacityAcu: null,
  };
}

function clusterStatus(cluster: DBCluster): DatabaseStatus {
  const scaling = cluster.ServerlessV2ScalingConfiguration;
  const serverlessV2 =
    scaling &&
    scaling.MinCapacity !== undefined &&
    scaling.MaxCapacity !== undefined
      ? { minCapacity: scaling.MinCapacity, maxCapacity: scaling.MaxCapacity }
      : null;
  const writers = new Set(
    (cluster.DBClusterMembers ?? [])
      .filter(m => m.IsClusterWriter)
      .map(m => m.DBInstanceIdentifier),
  );
  return {
    arn: cluster.DBClusterArn ?? '',
    kind: 'cluster',
    identifier: cluster.DBClusterIdentifier ?? '',
    engine: cluster.Engine ?? null,
    status: cluster.Status ?? 'unknown',
    // Known members without their status until the instances are read.
    instances: (cluster.DBClusterMembers ?? []).map(m => ({
      identifier: m.DBInstanceIdentifier ?? '',
      status: 'unknown',
      instanceClass: null,
      writer: writers.has(m.DBInstanceIdentifier),
    })),
    serverlessV2,
    autoPause: serverlessV2?.minCapacity === 0,
    capacityAcu: null,
  };
}

function instanceRead(instance: DBInstance): DbInstanceRead {
  return {
    arn: instance.DBInstanceArn ?? '',
    clusterIdentifier: instance.DBClusterIdentifier ?? null,
    engine: instance.Engine ?? null,
    status: {
      identifier: instance.DBInstanceIdentifier ?? '',
      status: instance.DBInstanceStatus ?? 'unknown',
      instanceClass: instance.DBInstanceClass ?? null,
      // Aurora readers are told apart by the cluster's member list; a provisioned instance writes.
      writer: !instance.DBClusterIdentifier,
    },
  };
}
