import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  GetEnvironmentResponse,
  ListClinicsResponse,
  ListEnvironmentsQuery,
  ListEnvironmentsResponse,
} from '@internal/plugin-stagelight-common';
import type {
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  StagelightApi,
} from './StagelightApi';

/**
 * Talks to the Stagelight backend through the discovery and fetch APIs, so
 * the user's Backstage token travels with each request.
 *
 * @public
 */
export class StagelightClient implements StagelightApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  listEnvironments(
    filter: EnvironmentFilter = {},
  ): Promise<ListEnvironmentsResponse> {
    return this.#get(`/environments${queryString(filter)}`);
  }

  listEnvironmentDetails(
    filter: EnvironmentFilter = {},
  ): Promise<ListEnvironmentDetailsResponse> {
    return this.#get(
      `/environments${queryString({ ...filter, include: 'resources' })}`,
    );
  }

  getEnvironment(
    clinic: string,
    stage: string,
  ): Promise<GetEnvironmentResponse> {
    return this.#get(
      `/environments/${encodeURIComponent(clinic)}/${encodeURIComponent(
        stage,
      )}`,
    );
  }

  listClinics(): Promise<ListClinicsResponse> {
    return this.#get('/clinics');
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('stagelight');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function queryString(query: ListEnvironmentsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // The backend rejects empty values, so an unset filter is left out entirely.
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
