import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  EnvironmentDetail,
  STAGELIGHT_CLINIC_ANNOTATION,
} from '@internal/plugin-stagelight-common';

/** Annotations on Resources: which stage and which AWS resource they stand for. */
export const STAGELIGHT_STAGE_ANNOTATION = 'stagelight.io/stage';
export const STAGELIGHT_ARN_ANNOTATION = 'stagelight.io/aws-arn';

/** The Components every clinic's stack has, and their catalog types. */
export const CLINIC_COMPONENTS = {
  api: 'service',
  ingest: 'function',
  notify: 'function',
  web: 'website',
} as const;
type ClinicComponent = keyof typeof CLINIC_COMPONENTS;

/** Resources (by component tag) and their catalog types. */
const RESOURCE_TYPES: Record<string, string> = {
  uploads: 's3-bucket',
  archive: 's3-bucket',
  queue: 'sqs-queue',
  dlq: 'sqs-queue',
  db: 'database',
};

/** What each Component uses (design §1): ingest reads the queue and both buckets, the API owns the database. */
const USES: Record<ClinicComponent, string[]> = {
  api: ['db'],
  ingest: ['uploads', 'queue', 'dlq', 'archive'],
  notify: [],
  web: [],
};

export interface EntityOptions {
  /** Used when a clinic's resources carry no owner tag. */
  defaultOwner: string;
}

/** Where the entities come from; a stable key per clinic. */
export function clinicLocation(clinic: string): string {
  return `stagelight:clinic/${clinic}`;
}

/**
 * The catalog view of the deployed fleet: a System per clinic, its four
 * Components, and a Resource per bucket, queue and database per stage, related
 * by dependsOn / dependencyOf. Pure, so the provider's output is testable as data.
 */
export function entitiesFromEnvironments(
  environments: EnvironmentDetail[],
  options: EntityOptions,
): { clinic: string; entity: Entity }[] {
  const byClinic = new Map<string, EnvironmentDetail[]>();
  for (const env of environments) {
    byClinic.set(env.clinic, [...(byClinic.get(env.clinic) ?? []), env]);
  }

  const out: { clinic: string; entity: Entity }[] = [];
  for (const [clinic, envs] of byClinic) {
    const owner = envs.find(e => e.owner)?.owner ?? options.defaultOwner;
    const location = clinicLocation(clinic);
    const annotations = {
      [ANNOTATION_LOCATION]: location,
      [ANNOTATION_ORIGIN_LOCATION]: location,
      [STAGELIGHT_CLINIC_ANNOTATION]: clinic,
    };

    out.push({
      clinic,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: clinic,
          title: clinic,
          description: `Image-review stack of clinic ${clinic} (${envs
            .map(e => e.stage)
            .join(', ')})`,
          annotations,
        },
        spec: { owner },
      },
    });

    // Resource names per component tag, across the clinic's stages.
    const resourcesOf = new Map<string, string[]>();
    for (const env of envs) {
      const seen = new Set<string>();
      for (const r of env.resources) {
        const type = r.component ? RESOURCE_TYPES[r.component] : undefined;
        if (!type || seen.has(r.component!)) continue;
        seen.add(r.component!);
        const name = `${clinic}-${env.stage}-${r.component}`;
        resourcesOf.set(r.component!, [
          ...(resourcesOf.get(r.component!) ?? []),
          name,
        ]);
        const users = (Object.keys(USES) as ClinicComponent[]).filter(c =>
          USES[c].includes(r.component!),
        );
        out.push({
          clinic,
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name,
              title: `${r.name} (${env.stage})`,
              annotations: {
                ...annotations,
                [STAGELIGHT_STAGE_ANNOTATION]: env.stage,
                [STAGELIGHT_ARN_ANNOTATION]: r.arn,
              },
            },
            spec: {
              type,
              owner,
              system: clinic,
              dependencyOf: users.map(c => `component:default/${clinic}-${c}`),
            },
          },
        });
      }
    }

    for (const [component, type] of Object.entries(CLINIC_COMPONENTS) as [
      ClinicComponent,
      string,
    ][]) {
      out.push({
        clinic,
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: `${clinic}-${component}`,
            title: `${clinic} ${component}`,
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
        },
      });
    }
  }
  return out;
}
