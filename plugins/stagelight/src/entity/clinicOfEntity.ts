import type { Entity } from '@backstage/catalog-model';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';

/** The kinds the catalog module gives a clinic: its System and the System's Components. */
const CLINIC_KINDS = ['system', 'component'];

/** The clinic an entity stands for, from the annotation the catalog module sets; undefined if none. */
export function clinicOfEntity(entity: Entity): string | undefined {
  const value =
    entity.metadata.annotations?.[STAGELIGHT_CLINIC_ANNOTATION]?.trim();
  return value ? value : undefined;
}

/**
 * Whether the Stagelight stage board applies to an entity: a clinic's System
 * or one of its Components.
 *
 * @public
 */
export function isStagelightAvailable(entity: Entity): boolean {
  return (
    CLINIC_KINDS.includes(entity.kind.toLocaleLowerCase('en-US')) &&
    clinicOfEntity(entity) !== undefined
  );
}
