/**
 * Stagelight frontend: the stage board and pipeline of a clinic on its catalog
 * entities, and the fleet page. This entry serves the legacy frontend system;
 * the new frontend system's plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  stagelightPlugin,
  StagelightPage,
  StagelightCostPage,
  StagelightAuditPage,
  StagelightDoctorPage,
  EntityStagelightContent,
} from './plugin';
export { isStagelightAvailable } from './entity/clinicOfEntity';
export { stagelightApiRef, StagelightClient } from './api';
export type {
  BulkScope,
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  ListLimit,
  StagelightApi,
} from './api';
