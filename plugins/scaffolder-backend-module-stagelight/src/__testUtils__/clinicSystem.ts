import type { Entity } from '@backstage/catalog-model';

/**
 * A clinic's System as the catalog holds it: annotated with its clinic id and,
 * unless renamed by hand, named after it.
 */
export function clinicSystem(options: {
  clinic: string;
  owner: string;
  name?: string;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: options.name ?? options.clinic,
      annotations: { 'stagelight.io/clinic': options.clinic },
    },
    spec: { owner: options.owner },
  };
}

/** A clinic the catalog already has (the monorepo's sample). */
export const EXISTING_CLINIC = clinicSystem({
  clinic: 'northwind',
  owner: 'group:default/northwind-imaging',
});
