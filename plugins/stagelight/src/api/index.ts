export { stagelightApiRef } from './StagelightApi';
export type {
  BulkScope,
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  ListLimit,
  StagelightApi,
} from './StagelightApi';
export { StagelightClient } from './StagelightClient';
