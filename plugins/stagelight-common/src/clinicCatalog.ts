import type { Entity } from '@backstage/catalog-model';

/**
 * How a clinic appears in the Backstage catalog: a System, its four Components
 * and a Resource per bucket, queue and database per stage, related by
 * dependsOn / dependencyOf. The catalog module builds it from what is deployed,
 * the onboarding template from what will be; both through this one function,
 * so the two can never disagree on names, types or relations.
 */

/**
 * On a Resource: the stage it belongs to.
 *
 * @public
 */
export const STAGELIGHT_STAGE_ANNOTATION = 'stagelight.io/stage';
/**
 * On a Resource: the AWS resource it stands for.
 *
 * @public
 */
export const STAGELIGHT_ARN_ANNOTATION = 'stagelight.io/aws-arn';

/**
 * The Components every clinic's stack has, and their catalog types.
 *
 * @public
 */
export const CLINIC_COMPONENTS = {
  api: 'service',
  ingest: 'function',
  notify: 'function',
  web: 'website',
} as const;
/** @public */
export type ClinicComponent = keyof typeof CLINIC_COMPONENTS;

/**
 * The tagged components that become catalog Resources, and their types.
 *
 * @public
 */
export const CLINIC_RESOURCE_TYPES: Record<string, string> = {
  uploads: 's3-bucket',
  archive: 's3-bucket',
  queue: 'sqs-queue',
  dlq: 'sqs-queue',
  db: 'database',
};

/** What each Component uses (docs/architecture.md, "The stack each clinic gets"): ingest reads the queue and both buckets, the API owns the database. */
const USES: Record<ClinicComponent, string[]> = {
  api: ['db'],
  ingest: ['uploads', 'queue', 'dlq', 'archive'],
  notify: [],
  web: [],
};

/** @public */
export interface ClinicCatalogInput {
  clinic: string;
  /** Title of the System; Components are titled `<title> <component>`. */
  title: string;
  description: string;
  owner: string;
  /** Put on every entity (location, clinic, repository annotations). */
  annotations: Record<string, string>;
  /** Per stage, its resources by component tag; components without a Resource type are skipped. */
  stages: {
    stage: string;
    resources: { component: string; name: string; arn: string }[];
  }[];
}

/** @public */
export function clinicCatalogEntities(input: ClinicCatalogInput): Entity[] {
  const { clinic, owner, annotations } = input;
  const resourcesOf = new Map<string, string[]>();
  const resources: Entity[] = [];
  for (const { stage, resources: stageResources } of input.stages) {
    const seen = new Set<string>();
    for (const r of stageResources) {
      const type = CLINIC_RESOURCE_TYPES[r.component];
      if (!type || seen.has(r.component)) continue;
      seen.add(r.component);
      const name = `${clinic}-${stage}-${r.component}`;
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
          title: `${r.name} (${stage})`,
          annotations: {
            ...annotations,
            [STAGELIGHT_STAGE_ANNOTATION]: stage,
            [STAGELIGHT_ARN_ANNOTATION]: r.arn,
          },
        },
        spec: {
          type,
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
      title: input.title,
      description: input.description,
      annotations,
    },
    spec: { owner },
  };
  const components: Entity[] = (
    Object.entries(CLINIC_COMPONENTS) as [ClinicComponent, string][]
  ).map(([component, type]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `${clinic}-${component}`,
      title: `${input.title} ${component}`,
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
