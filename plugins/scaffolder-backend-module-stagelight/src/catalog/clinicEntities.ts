import type { Entity } from '@backstage/catalog-model';
import {
  clinicCatalogEntities,
  STAGELIGHT_CLINIC_ANNOTATION,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  ClinicConfig,
  ResolvedStage,
  environmentNames,
} from '../stack/stackPackage';

interface PlannedResource {
  component: string;
  /** The AWS resource's name, as the inventory derives it from the ARN. */
  name: string;
  arn: string;
}

/** The tagged resources a stage will have once deployed, with the ARNs the stack derives. */
function plannedResources(
  config: ClinicConfig,
  stage: ResolvedStage,
): PlannedResource[] {
  const n = environmentNames(config, stage);
  const regional = (service: string, resource: string) =>
    `arn:aws:${service}:${stage.region}:${stage.account}:${resource}`;
  return [
    {
      component: 'uploads',
      name: n.uploadsBucket,
      arn: `arn:aws:s3:::${n.uploadsBucket}`,
    },
    {
      component: 'archive',
      name: n.archiveBucket,
      arn: `arn:aws:s3:::${n.archiveBucket}`,
    },
    {
      component: 'queue',
      name: n.ingestQueue,
      arn: regional('sqs', n.ingestQueue),
    },
    {
      component: 'dlq',
      name: n.ingestDlq,
      arn: regional('sqs', n.ingestDlq),
    },
    {
      component: 'db',
      name: n.dbCluster,
      arn: regional('rds', `cluster:${n.dbCluster}`),
    },
  ];
}

/**
 * Options of {@link clinicEntities}.
 *
 * @public
 */
export interface ClinicEntitiesOptions {
  /** `owner/repo` of the clinic's repository, for the GitHub plugins. */
  repoSlug?: string;
}

/**
 * The clinic's catalog entities before anything is deployed: the same System,
 * Components and Resources (names, kinds, types, relations) the Stagelight
 * catalog module discovers from the tags once the stages run, so registering
 * them makes the clinic and its not-yet-deployed stages visible at once.
 *
 * @public
 */
export function clinicEntities(
  config: ClinicConfig,
  options: ClinicEntitiesOptions = {},
): Entity[] {
  return clinicCatalogEntities({
    clinic: config.clinic,
    title: config.displayName,
    description: `Image-review stack of ${config.displayName} (${config.stages
      .map(s => s.name)
      .join(', ')})`,
    owner: config.owner,
    annotations: {
      [STAGELIGHT_CLINIC_ANNOTATION]: config.clinic,
      ...(options.repoSlug
        ? { 'github.com/project-slug': options.repoSlug }
        : {}),
    },
    stages: config.stages.map(stage => ({
      stage: stage.name,
      resources: plannedResources(config, stage),
    })),
  });
}
