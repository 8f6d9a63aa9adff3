import { CfnResource, Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import {
  ComponentName,
  environmentTagList,
  environmentTags,
} from '@stagelight/tag-contract';
import type { ClinicConfig, ResolvedStage } from '../config/schema';
import type { EnvironmentNames } from '../config/names';

/**
 * What every concern construct knows about the environment (clinic x stage) it belongs to.
 *
 * @public
 */
export interface StageEnvironment {
  config: ClinicConfig;
  stage: ResolvedStage;
  names: EnvironmentNames;
}

const UNTAGGED_RESOURCE_TYPES = ['AWS::ElasticLoadBalancingV2::Listener'];

/**
 * Tags every resource below `scope` with the tag contract for one component.
 * The portal discovers the environment through exactly these tags.
 */
export function tagComponent(
  scope: IConstruct,
  env: StageEnvironment,
  component: ComponentName,
): void {
  // The owner tag lets per-clinic access give the clinic's leads its stages.
  const tags = environmentTags({
    clinic: env.config.clinic,
    stage: env.stage.name,
    component,
    owner: env.config.owner,
  });
  for (const [key, value] of Object.entries(tags)) {
    // Listeners cost nothing and the CloudFormation schema cfn-lint checks has no Tags on them.
    Tags.of(scope).add(key, value, {
      excludeResourceTypes: UNTAGGED_RESOURCE_TYPES,
    });
  }
}

/** Tags a raw CfnResource, which the CDK tag aspect does not reach. */
export function tagRawResource(
  resource: CfnResource,
  env: StageEnvironment,
  component: ComponentName,
): void {
  resource.addPropertyOverride(
    'Tags',
    environmentTagList({
      clinic: env.config.clinic,
      stage: env.stage.name,
      component,
      owner: env.config.owner,
    }),
  );
}

/**
 * Every stage keeps its logs as long as production does: stages differ in size
 * and hours, not in what an auditor can look back at.
 */
export const LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

/** Backups are kept equally long in every stage. */
export const BACKUP_RETENTION_DAYS = 14;
