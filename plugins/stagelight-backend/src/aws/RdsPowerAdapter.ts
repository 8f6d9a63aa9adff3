import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  StartDBClusterCommand,
  StartDBInstanceCommand,
  StopDBClusterCommand,
  StopDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

/** An Aurora cluster or a plain RDS instance. */
export interface DatabaseRef {
  kind: 'cluster' | 'instance';
  identifier: string;
}

export interface DatabasePower {
  status: string;
  /** Serverless v2 minimum ACUs; 0 means it pauses by itself when idle. */
  minCapacity: number | null;
}

/** RDS writes for wake and sleep: start and stop a cluster or an instance. */
export class RdsPowerAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  async describe(where: AwsLocation, db: DatabaseRef): Promise<DatabasePower> {
    if (db.kind === 'cluster') {
      const res = await this.factory.call('rds', where, c =>
        c.send(
          new DescribeDBClustersCommand({ DBClusterIdentifier: db.identifier }),
        ),
      );
      const cluster = res.DBClusters?.[0];
      if (!cluster)
        throw new Error(`RDS does not know cluster ${db.identifier}`);
      return {
        status: cluster.Status ?? 'unknown',
        minCapacity:
          cluster.ServerlessV2ScalingConfiguration?.MinCapacity ?? null,
      };
    }
    const res = await this.factory.call('rds', where, c =>
      c.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: db.identifier }),
      ),
    );
    const instance = res.DBInstances?.[0];
    if (!instance)
      throw new Error(`RDS does not know instance ${db.identifier}`);
    return {
      status: instance.DBInstanceStatus ?? 'unknown',
      minCapacity: null,
    };
  }

  async stop(where: AwsLocation, db: DatabaseRef): Promise<void> {
    const DBClusterIdentifier = db.identifier;
    const DBInstanceIdentifier = db.identifier;
    if (db.kind === 'cluster') {
      await this.factory.call('rds', where, c =>
        c.send(new StopDBClusterCommand({ DBClusterIdentifier })),
      );
    } else {
      await this.factory.call('rds', where, c =>
        c.send(new StopDBInstanceCommand({ DBInstanceIdentifier })),
      );
    }
  }

  async start(where: AwsLocation, db: DatabaseRef): Promise<void> {
    const DBClusterIdentifier = db.identifier;
    const DBInstanceIdentifier = db.identifier;
    if (db.kind === 'cluster') {
      await this.factory.call('rds', where, c =>
        c.send(new StartDBClusterCommand({ DBClusterIdentifier })),
      );
    } else {
      await this.factory.call('rds', where, c =>
        c.send(new StartDBInstanceCommand({ DBInstanceIdentifier })),
      );
    }
  }
}
