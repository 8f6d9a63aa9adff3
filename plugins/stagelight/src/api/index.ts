export { stagelightApiRef } from './StagelightApi';
export type {
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  ListLimit,
  StagelightApi,
} from './StagelightApi';
export { StagelightClient } from './StagelightClient';
