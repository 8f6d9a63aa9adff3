import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EnvironmentDetail,
  GetEnvironmentResponse,
  ListClinicsResponse,
  ListEnvironmentsQuery,
  ListEnvironmentsResponse,
} from '@internal/plugin-stagelight-common';

/** Filters of the environment list; `include` is chosen by the method called. */
export type EnvironmentFilter = Omit<ListEnvironmentsQuery, 'include'>;

/** The environment list when full details were requested (`include=resources`). */
export type ListEnvironmentDetailsResponse = Omit<
  ListEnvironmentsResponse,
  'items'
> & { items: EnvironmentDetail[] };

/**
 * Read access to the Stagelight backend. Power, schedule, cost and audit
 * methods join this interface when the backend serves them.
 *
 * @public
 */
export interface StagelightApi {
  /** Summaries of the environments matching the filter, with the configured stages in promotion order. */
  listEnvironments(
    filter?: EnvironmentFilter,
  ): Promise<ListEnvironmentsResponse>;
  /** Like listEnvironments, with each environment's full detail (readiness reason, services, queues). */
  listEnvironmentDetails(
    filter?: EnvironmentFilter,
  ): Promise<ListEnvironmentDetailsResponse>;
  getEnvironment(
    clinic: string,
    stage: string,
  ): Promise<GetEnvironmentResponse>;
  listClinics(): Promise<ListClinicsResponse>;
}

/**
 * The Stagelight API, shared by the legacy and the new frontend system.
 *
 * @public
 */
export const stagelightApiRef = createApiRef<StagelightApi>().with({
  id: 'plugin.stagelight.api',
  pluginId: 'stagelight',
});
