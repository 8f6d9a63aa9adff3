import type { Entity } from '@backstage/catalog-model';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@internal/plugin-stagelight-common';
import {
  ClinicConfig,
  ResolvedStage,
  environmentNames,
} from '../stack/stackPackage';

/**
 * The annotations the Stagelight catalog module puts on Resources; repeated
 * here (not imported) so the portal's scaffolder does not depend on the
 * catalog module. clinicEntities.test.ts checks both agree.
 */
const STAGE_ANNOTATION = 'stagelight.io/stage';
const ARN_ANNOTATION = 'stagelight.io/aws-arn';

/** The Components every clinic's stack has, and their catalog types. */
const COMPONENT_TYPES = {
  api: 'service',
  ingest: 'function',
  notify: 'function',
  web: 'website',
} as const;
type ClinicComponent = keyof typeof COMPONENT_TYPES;

/** What each Component uses (design §1): ingest reads the queue and both buckets, the API owns the database. */
const USES: Record<ClinicComponent, string[]> = {
  api: ['db'],
  ingest: ['uploads', 'queue', 'dlq', 'archive'],
  notify: [],
  web: [],
};

interface PlannedResource {
  component: string;
  type: string;
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
      type: 's3-bucket',
      name: n.uploadsBucket,
      arn: `arn:aws:s3:::${n.uploadsBucket}`,
    },
    {
      component: 'archive',
      type: 's3-bucket',
      name: n.archiveBucket,
      arn: `arn:aws:s3:::${n.archiveBucket}`,
    },
    {
      component: 'queue',
      type: 'sqs-queue',
      name: n.ingestQueue,
      arn: regional('sqs', n.ingestQueue),
    },
    {
      component: 'dlq',
      type: 'sqs-queue',
      name: n.ingestDlq,
      arn: regional('sqs', n.ingestDlq),
    },
    {
      component: 'db',
      type: 'database',
      name: n.dbCluster,
      arn: regional('rds', `cluster:${n.dbCluster}`),
    },
  ];
}

export interface ClinicEntitiesOptions {
  /** `owner/repo` of the clinic's repository, for the GitHub plugins. */
  repoSlug?: string;
}

/**
 * The clinic's catalog entities before anything is deployed: the same System,
 * Components and Resources (names, kinds, types, relations) the Stagelight
 * catalog module discovers from the tags once the stages run, so registering
 * them makes the clinic and its not-yet-deployed stages visible at once.
 */
export function clinicEntities(
  config: ClinicConfig,
  options: ClinicEntitiesOptions = {},
): Entity[] {
  const { clinic, owner } = config;
  const annotations: Record<string, string> = {
    [STAGELIGHT_CLINIC_ANNOTATION]: clinic,
    ...(options.repoSlug
      ? { 'github.com/project-slug': options.repoSlug }
      : {}),
  };
  const resourcesOf = new Map<string, string[]>();
  const resources: Entity[] = [];
  for (const stage of config.stages) {
    for (const r of plannedResources(config, stage)) {
      const name = `${clinic}-${stage.name}-${r.component}`;
      resourcesOf.set(r.component, [
        ...(resourcesOf.get(r.component) ?? []),
        name,
      ]);
      const users = (Object.keys(USES) as ClinicComponent[]).filter(c =>
        USES[c].includes(r.component),
      );
      resources.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name,
          title: `${r.name} (${stage.name})`,
          annotations: {
            ...annotations,
            [STAGE_ANNOTATION]: stage.name,
            [ARN_ANNOTATION]: r.arn,
          },
        },
        spec: {
          type: r.type,
          owner,
          system: clinic,
          dependencyOf: users.map(c => `component:default/${clinic}-${c}`),
        },
      });
    }
  }

  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: clinic,
      title: config.displayName,
      description: `Image-review stack of ${config.displayName} (${config.stages
        .map(s => s.name)
        .join(', ')})`,
      annotations,
    },
    spec: { owner },
  };
  const components: Entity[] = (
    Object.entries(COMPONENT_TYPES) as [ClinicComponent, string][]
  ).map(([component, type]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `${clinic}-${component}`,
      title: `${config.displayName} ${component}`,
      annotations,
    },
    spec: {
      type,
      lifecycle: 'production',
      owner,
      system: clinic,
      dependsOn: USES[component].flatMap(c =>
        (resourcesOf.get(c) ?? []).map(n => `resource:default/${n}`),
      ),
    },
  }));
  return [system, ...components, ...resources];
}
