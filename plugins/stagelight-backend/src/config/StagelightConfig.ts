import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_PROTECTED_STAGES,
  DEFAULT_STAGES,
  DEFAULT_TAG_KEYS,
  TagKeys,
} from '@stagelight/tag-contract';
import { StageInfo } from '@stagelight/backstage-plugin-stagelight-common';
import { readOptionalDuration, readPositiveNumber } from './readers';

/** Tag keys in use: the contract's keys, possibly renamed through config. */
export type StagelightTagKeys = TagKeys;

/** One account/region pair to scan. `accountId` undefined means the main account. */
export interface AwsTarget {
  accountId?: string;
  region: string;
}

export interface ReadinessSettings {
  baseUrlTemplate?: string;
  path: string;
  probeTimeoutMs: number;
  pollIntervalMs: number;
  defaultWaitSeconds: number;
  maxWaitSeconds: number;
  probeOnRefresh: boolean;
}

/** The plugin's settings, read once from the `stagelight` config block with defaults applied. */
export interface StagelightSettings {
  stages: StageInfo[];
  tags: StagelightTagKeys;
  aws: {
    endpoint?: string;
    targets: AwsTarget[];
    maxAttempts: number;
    requestTimeoutMs: number;
    concurrency: number;
  };
  readiness: ReadinessSettings;
  refresh: {
    interval: HumanDuration;
    timeout: HumanDuration;
    memoryTtlMs: number;
    /** Re-read an environment as soon as a wake or sleep of it ends. */
    afterOperation: boolean;
  };
}

export function readStagelightSettings(root: Config): StagelightSettings {
  const config = root.getOptionalConfig('stagelight');

  const stageConfigs = config?.getOptionalConfigArray('stages');
  const stages: StageInfo[] = stageConfigs
    ? stageConfigs.map(s => ({
        name: s.getString('name'),
        protected: s.getOptionalBoolean('protected') ?? false,
      }))
    : DEFAULT_STAGES.map(name => ({
        name,
        protected: DEFAULT_PROTECTED_STAGES.includes(name),
      }));
  const names = new Set(stages.map(s => s.name));
  if (names.size !== stages.length || stages.length === 0) {
    throw new InputError('stagelight.stages must list distinct stage names');
  }

  const tagConfig = config?.getOptionalConfig('tags');
  const tags: StagelightTagKeys = {
    app: tagConfig?.getOptionalString('app') ?? DEFAULT_TAG_KEYS.app,
    clinic: tagConfig?.getOptionalString('clinic') ?? DEFAULT_TAG_KEYS.clinic,
    stage: tagConfig?.getOptionalString('stage') ?? DEFAULT_TAG_KEYS.stage,
    component:
      tagConfig?.getOptionalString('component') ?? DEFAULT_TAG_KEYS.component,
    desiredCount:
      tagConfig?.getOptionalString('desiredCount') ??
      DEFAULT_TAG_KEYS.desiredCount,
    scalingBounds:
      tagConfig?.getOptionalString('scalingBounds') ??
      DEFAULT_TAG_KEYS.scalingBounds,
    owner: tagConfig?.getOptionalString('owner') ?? DEFAULT_TAG_KEYS.owner,
  };

  const awsConfig = config?.getOptionalConfig('aws');
  const targets = readTargets(awsConfig);

  const readinessConfig = config?.getOptionalConfig('readiness');
  const baseUrlTemplate = readinessConfig?.getOptionalString('baseUrlTemplate');
  if (
    baseUrlTemplate !== undefined &&
    !URL.canParse(
      baseUrlTemplate.replaceAll('{clinic}', 'c').replaceAll('{stage}', 's'),
    )
  ) {
    throw new InputError(
      'stagelight.readiness.baseUrlTemplate must be a URL once {clinic} and {stage} are filled in',
    );
  }
  const path = readinessConfig?.getOptionalString('path') ?? '/version';
  if (!path.startsWith('/')) {
    throw new InputError('stagelight.readiness.path must start with /');
  }

  const refreshConfig = config?.getOptionalConfig('refresh');

  return {
    stages,
    tags,
    aws: {
      endpoint: awsConfig?.getOptionalString('endpoint'),
      targets,
      maxAttempts: readPositiveNumber(
        awsConfig,
        'stagelight.aws',
        'maxAttempts',
        4,
      ),
      requestTimeoutMs: readPositiveNumber(
        awsConfig,
        'stagelight.aws',
        'requestTimeoutMs',
        10_000,
      ),
      concurrency: readPositiveNumber(
        awsConfig,
        'stagelight.aws',
        'concurrency',
        8,
      ),
    },
    readiness: {
      baseUrlTemplate,
      path,
      probeTimeoutMs:
        readPositiveNumber(
          readinessConfig,
          'stagelight.readiness',
          'probeTimeoutSeconds',
          5,
        ) * 1000,
      pollIntervalMs:
        readPositiveNumber(
          readinessConfig,
          'stagelight.readiness',
          'pollIntervalSeconds',
          5,
        ) * 1000,
      defaultWaitSeconds: readPositiveNumber(
        readinessConfig,
        'stagelight.readiness',
        'defaultWaitSeconds',
        60,
      ),
      maxWaitSeconds: readPositiveNumber(
        readinessConfig,
        'stagelight.readiness',
        'maxWaitSeconds',
        300,
      ),
      probeOnRefresh:
        readinessConfig?.getOptionalBoolean('probeOnRefresh') ?? true,
    },
    refresh: {
      interval: readOptionalDuration(refreshConfig, 'interval', { minutes: 1 }),
      timeout: readOptionalDuration(refreshConfig, 'timeout', { minutes: 5 }),
      memoryTtlMs:
        readPositiveNumber(
          refreshConfig,
          'stagelight.refresh',
          'memoryTtlSeconds',
          5,
        ) * 1000,
      afterOperation:
        refreshConfig?.getOptionalBoolean('afterOperation') ?? true,
    },
  };
}

/** One line of what to add, shared by every "targets" error so each names the fix. */
const TARGETS_EXAMPLE =
  "Add the AWS accounts and regions Stagelight scans to app-config.yaml, e.g. stagelight: { aws: { targets: [{ regions: ['eu-central-1'] }] } } (an entry without accountId is the main account of the `aws` config; add accountId: '123456789012' for another account).";

/**
 * The accounts and regions to scan. Required: without them Stagelight used to
 * scan the main account's us-east-1 silently, which in an adopter's backend
 * shows an empty fleet rather than a configuration mistake.
 */
function readTargets(awsConfig: Config | undefined): AwsTarget[] {
  const key = 'stagelight.aws.targets';
  if (!awsConfig?.has('targets')) {
    throw new Error(
      `Missing required config value at '${key}'. ${TARGETS_EXAMPLE}`,
    );
  }
  const targetConfigs = awsConfig.getConfigArray('targets');
  if (targetConfigs.length === 0) {
    throw new Error(
      `'${key}' must list at least one target. ${TARGETS_EXAMPLE}`,
    );
  }
  return targetConfigs.flatMap((t, i) => {
    const accountId = t.getOptionalString('accountId');
    if (!t.has('regions')) {
      throw new Error(
        `Missing required config value at '${key}[${i}].regions': list the regions to scan in ${
          accountId === undefined ? 'the main account' : `account ${accountId}`
        }, e.g. regions: ['eu-central-1'].`,
      );
    }
    const regions = t.getStringArray('regions');
    if (regions.length === 0) {
      throw new Error(
        `'${key}[${i}].regions' must list at least one region, e.g. regions: ['eu-central-1'].`,
      );
    }
    return regions.map(region => ({ accountId, region }));
  });
}
