import type { StageName } from './index';

/**
 * The AWS names of one environment's resources, derived from (clinic, stage,
 * account) and never configured. The stack creates resources under these names
 * and the demo seed imitates them; the portal itself finds resources by tags.
 *
 * @public
 */
export interface EnvironmentResourceNames {
  /** `ir-<clinic>-<stage>`: the stack name and the prefix of every resource name. */
  prefix: string;
  cluster: string;
  service: 'api';
  /** Task definition family of the API. */
  taskFamily: string;
  dbCluster: string;
  ingestQueue: string;
  ingestDlq: string;
  ingestFunction: string;
  notifyFunction: string;
  /** Bucket names are global: the account id keeps them unique. */
  uploadsBucket: string;
  archiveBucket: string;
  logsBucket: string;
  webBucket: string;
}

/** @public */
export function environmentResourceNames(
  env: { clinic: string; stage: StageName },
  accountId: string,
): EnvironmentResourceNames {
  const prefix = `ir-${env.clinic}-${env.stage}`;
  return {
    prefix,
    cluster: prefix,
    service: 'api',
    taskFamily: `${prefix}-api`,
    dbCluster: `${prefix}-db`,
    ingestQueue: `${prefix}-ingest`,
    ingestDlq: `${prefix}-ingest-dlq`,
    ingestFunction: `${prefix}-ingest`,
    notifyFunction: `${prefix}-notify`,
    uploadsBucket: `${prefix}-uploads-${accountId}`,
    archiveBucket: `${prefix}-archive-${accountId}`,
    logsBucket: `${prefix}-logs-${accountId}`,
    webBucket: `${prefix}-web-${accountId}`,
  };
}
