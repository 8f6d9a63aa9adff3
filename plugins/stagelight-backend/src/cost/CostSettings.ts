import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { APP_NAME } from '@stagelight/tag-contract';
import {
  readStagelightSettings,
  StagelightTagKeys,
} from '../config/StagelightConfig';
import { readPositiveDurationMs, readPositiveInteger } from '../config/readers';

/** The `stagelight.cost` block with defaults applied, plus what cost shares with the rest of the plugin. */
export interface CostSettings {
  /** Account whose Cost Explorer is read; undefined means the main account. */
  accountId?: string;
  /** Cost Explorer's region: in practice only us-east-1 has an endpoint. */
  region: string;
  /** `stagelight.aws.endpoint`: local AWS (moto) for every client. */
  endpoint?: string;
  maxAttempts: number;
  requestTimeoutMs: number;
  lookbackDays: number;
  /** How long stored results are served before a refresh is due. */
  ttlMs: number;
  /** Cost Explorer requests per UTC day, every page counted. */
  dailyRequestBudget: number;
  /** How long after a failed or refused refresh another attempt waits. */
  retryAfterMs: number;
  tags: StagelightTagKeys;
  appName: string;
  stages: string[];
}

export function readCostSettings(root: Config): CostSettings {
  const base = readStagelightSettings(root);
  const config = root.getOptionalConfig('stagelight.cost');
  const lookbackDays = readPositiveInteger(
    config,
    'stagelight.cost',
    'lookbackDays',
    90,
  );
  // Cost Explorer keeps 13 months of daily data (14 with multi-year history enabled).
  if (lookbackDays > 365) {
    throw new InputError('stagelight.cost.lookbackDays must be at most 365');
  }
  return {
    accountId: config?.getOptionalString('accountId'),
    region: config?.getOptionalString('region') ?? 'us-east-1',
    endpoint: base.aws.endpoint,
    maxAttempts: base.aws.maxAttempts,
    requestTimeoutMs: base.aws.requestTimeoutMs,
    lookbackDays,
    ttlMs: readPositiveDurationMs(
      config,
      'stagelight.cost',
      'ttl',
      12 * 3600_000,
    ),
    dailyRequestBudget: readPositiveInteger(
      config,
      'stagelight.cost',
      'dailyRequestBudget',
      24,
    ),
    retryAfterMs: readPositiveDurationMs(
      config,
      'stagelight.cost',
      'retryAfter',
      15 * 60_000,
    ),
    tags: base.tags,
    appName: APP_NAME,
    stages: base.stages.map(s => s.name),
  };
}
