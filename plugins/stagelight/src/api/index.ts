export { stagelightApiRef } from './StagelightApi';
export type {
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  StagelightApi,
} from './StagelightApi';
export { StagelightClient } from './StagelightClient';
