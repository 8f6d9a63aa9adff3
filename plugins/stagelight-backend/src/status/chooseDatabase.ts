import {
  DatabaseStatus,
  EnvironmentError,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * The one database an environment reports and powers: its Aurora cluster,
 * else its provisioned instance. A cluster's tagged members are the cluster.
 * When more than one distinct database is tagged, the first (clusters first,
 * then by identifier) is the environment's and an error names the others, so
 * nobody believes a sleep stopped them.
 */
export function chooseDatabase(databases: DatabaseStatus[]): {
  database: DatabaseStatus | null;
  error: EnvironmentError | null;
} {
  const byArn = new Map<string, DatabaseStatus>();
  for (const db of databases) if (!byArn.has(db.arn)) byArn.set(db.arn, db);
  const distinct = [...byArn.values()].sort(
    (a, b) =>
      Number(b.kind === 'cluster') - Number(a.kind === 'cluster') ||
      a.identifier.localeCompare(b.identifier),
  );
  const [database = null, ...others] = distinct;
  if (!database || others.length === 0) return { database, error: null };
  return {
    database,
    error: {
      source: 'stagelight:inventory',
      message: `more than one database is tagged for this environment: Stagelight shows and powers ${
        database.identifier
      }, not ${others.map(o => o.identifier).join(', ')}`,
    },
  };
}
