import { DBCluster, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { DatabaseStatus } from '@internal/plugin-stagelight-common';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

/**
 * RDS/Aurora: all clusters of a region in pages of 100. One paged listing is
 * cheaper than a call per cluster, and RDS throttles every API together.
 */
export class RdsAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

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
          out.set(cluster.DBClusterArn, toStatus(cluster));
      }
      marker = page.Marker || undefined;
    } while (marker);
    return out;
  }

  /** One cluster by identifier (after a power operation); undefined when RDS does not know it. */
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
      return cluster ? toStatus(cluster) : undefined;
    } catch (error) {
      if ((error as Error).name === 'DBClusterNotFoundFault') return undefined;
      throw error;
    }
  }
}

function toStatus(cluster: DBCluster): DatabaseStatus {
  const scaling = cluster.ServerlessV2ScalingConfiguration;
  const serverlessV2 =
    scaling &&
    scaling.MinCapacity !== undefined &&
    scaling.MaxCapacity !== undefined
      ? { minCapacity: scaling.MinCapacity, maxCapacity: scaling.MaxCapacity }
      : null;
  return {
    arn: cluster.DBClusterArn ?? '',
    identifier: cluster.DBClusterIdentifier ?? '',
    engine: cluster.Engine ?? null,
    status: cluster.Status ?? 'unknown',
    serverlessV2,
    autoPause: serverlessV2?.minCapacity === 0,
    capacityAcu: null,
  };
}
