import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  clinicCatalogEntities,
  EnvironmentDetail,
  STAGELIGHT_CLINIC_ANNOTATION,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * Options of {@link entitiesFromEnvironments}.
 *
 * @public
 */
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
 *
 * @public
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
    const location = clinicLocation(clinic);
    const entities = clinicCatalogEntities({
      clinic,
      title: clinic,
      description: `Image-review stack of clinic ${clinic} (${envs
        .map(e => e.stage)
        .join(', ')})`,
      owner: envs.find(e => e.owner)?.owner ?? options.defaultOwner,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [STAGELIGHT_CLINIC_ANNOTATION]: clinic,
      },
      stages: envs.map(env => ({
        stage: env.stage,
        resources: env.resources.flatMap(r =>
          r.component
            ? [{ component: r.component, name: r.name, arn: r.arn }]
            : [],
        ),
      })),
    });
    out.push(...entities.map(entity => ({ clinic, entity })));
  }
  return out;
}
