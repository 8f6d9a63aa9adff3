import {
  AddTagsToResourceCommand,
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  StopDBClusterCommand,
} from '@aws-sdk/client-rds';
import { environmentTagList } from '@stagelight/tag-contract';
import { DemoEnvironment, environmentResourceNames } from '../fleet/demoFleet';
import { SeedClients } from './clients';
import { isNotFound } from './errors';

/**
 * Aurora PostgreSQL Serverless v2 with one serverless instance. Says whether it
 * created the cluster, so that only a new cluster of an asleep environment is
 * stopped (see {@link stopDatabase}); a re-seed leaves a woken one alone.
 */
export async function seedDatabase(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
): Promise<{ arn: string; created: boolean }> {
  const names = environmentResourceNames(env, accountId);
  const tags = environmentTagList({
    clinic: env.clinic,
    stage: env.stage,
    owner: env.owner,
    component: 'db',
  });
  let clusterArn: string | undefined;
  try {
    const found = await c.rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: names.dbCluster }),
    );
    clusterArn = found.DBClusters?.[0]?.DBClusterArn;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (clusterArn) return { arn: clusterArn, created: false };

  const created = await c.rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: names.dbCluster,
      Engine: 'aurora-postgresql',
      EngineVersion: '16.4',
      EngineMode: 'provisioned',
      DatabaseName: 'imagereview',
      MasterUsername: 'imagereview',
      MasterUserPassword: 'local-demo-only-password',
      StorageEncrypted: true,
      DeletionProtection: env.stage === 'prod',
      BackupRetentionPeriod: 7,
      ServerlessV2ScalingConfiguration: {
        MinCapacity: env.dbMinCapacity,
        MaxCapacity: 4,
        ...(env.dbMinCapacity === 0 ? { SecondsUntilAutoPause: 300 } : {}),
      },
      Tags: tags,
    }),
  );
  clusterArn = created.DBCluster!.DBClusterArn!;
  await c.rds.send(
    new AddTagsToResourceCommand({ ResourceName: clusterArn, Tags: tags }),
  );

  const instances = await c.rds.send(
    new DescribeDBInstancesCommand({
      Filters: [{ Name: 'db-cluster-id', Values: [names.dbCluster] }],
    }),
  );
  if (!instances.DBInstances?.length) {
    await c.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: names.dbInstance,
        DBClusterIdentifier: names.dbCluster,
        DBInstanceClass: 'db.serverless',
        Engine: 'aurora-postgresql',
        Tags: tags,
      }),
    );
  }
  return { arn: clusterArn, created: true };
}

/**
 * Stops an environment's cluster. Called one cluster at a time: moto 5.2.1
 * answers StopDBCluster with a 500 when other RDS writes run concurrently.
 */
export async function stopDatabase(
  c: SeedClients,
  env: DemoEnvironment,
  accountId: string,
) {
  const { dbCluster } = environmentResourceNames(env, accountId);
  await c.rds.send(
    new StopDBClusterCommand({ DBClusterIdentifier: dbCluster }),
  );
}
