import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { environmentResourceNames } from '@stagelight/tag-contract';
import type { ClinicConfig } from '../config/schema';
import { ImageReviewStack } from './ImageReviewStack';

/** @public */
export interface BuildAppOptions {
  config: ClinicConfig;
  deployMarker: string;
  /** Register the cdk-nag packs as synth-time validation (on for `cdk synth`). */
  nag?: boolean;
  bundleRoot?: string;
  outdir?: string;
}

/** One stack per stage of the clinic, all from the same config file. */
/**
 * CDK feature flags this app relies on (set unless the caller's context already
 * decides them): access-log delivery through a bucket policy instead of the
 * legacy LogDeliveryWrite ACL.
 *
 * @public
 */
export const FEATURE_FLAGS: Record<string, unknown> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:target-partitions': ['aws'],
};

/** @public */
export function buildApp(
  app: App,
  options: BuildAppOptions,
): ImageReviewStack[] {
  for (const [flag, value] of Object.entries(FEATURE_FLAGS)) {
    if (app.node.tryGetContext(flag) === undefined)
      app.node.setContext(flag, value);
  }
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(
      new AwsSolutionsChecks(app),
      new HIPAASecurityChecks(app),
    );
  }
  return options.config.stages.map(
    stage =>
      new ImageReviewStack(app, stackName(options.config.clinic, stage), {
        config: options.config,
        stage,
        deployMarker: options.deployMarker,
        bundleRoot: options.bundleRoot,
      }),
  );
}

/** The stage's stack is named by the tag contract's prefix (`ir-<clinic>-<stage>`), like every resource in it. */
function stackName(
  clinic: string,
  stage: ClinicConfig['stages'][number],
): string {
  return environmentResourceNames({ clinic, stage: stage.name }, stage.account)
    .prefix;
}
