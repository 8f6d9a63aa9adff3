import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AuditListResponse,
  BulkPowerResponse,
  CostProjectionRequest,
  CostProjectionResponse,
  CostSummaryResponse,
  EnvironmentCostResponse,
  ExtendLeaseRequest,
  GetEnvironmentResponse,
  ListClinicsResponse,
  ListEnvironmentsQuery,
  ListEnvironmentsResponse,
  OperationListResponse,
  PowerLease,
  PowerOperation,
  PowerOperationResponse,
  Schedule,
  ScheduleResponse,
  SleepRequest,
  StageForecastResponse,
  WakeRequest,
} from '@internal/plugin-stagelight-common';
import type {
  BulkScope,
  EnvironmentFilter,
  ListEnvironmentDetailsResponse,
  ListLimit,
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
    return this.#get(envPath(clinic, stage));
  }

  listClinics(): Promise<ListClinicsResponse> {
    return this.#get('/clinics');
  }

  wake(
    clinic: string,
    stage: string,
    request: WakeRequest,
  ): Promise<PowerOperationResponse> {
    return this.#send('POST', `${envPath(clinic, stage)}/wake`, request);
  }

  sleep(
    clinic: string,
    stage: string,
    request: SleepRequest,
  ): Promise<PowerOperationResponse> {
    return this.#send('POST', `${envPath(clinic, stage)}/sleep`, request);
  }

  bulkWake(scope: BulkScope, request: WakeRequest): Promise<BulkPowerResponse> {
    return this.#send('POST', `${scopePath(scope)}/wake`, request);
  }

  bulkSleep(
    scope: BulkScope,
    request: SleepRequest,
  ): Promise<BulkPowerResponse> {
    return this.#send('POST', `${scopePath(scope)}/sleep`, request);
  }

  extendLease(
    clinic: string,
    stage: string,
    request: ExtendLeaseRequest,
  ): Promise<{ lease: PowerLease }> {
    return this.#send(
      'POST',
      `${envPath(clinic, stage)}/lease/extend`,
      request,
    );
  }

  endLease(
    clinic: string,
    stage: string,
    reason?: string,
  ): Promise<{ lease: PowerLease }> {
    return this.#send(
      'DELETE',
      `${envPath(clinic, stage)}/lease`,
      reason === undefined ? {} : { reason },
    );
  }

  getSchedule(clinic: string, stage: string): Promise<ScheduleResponse> {
    return this.#get(`${envPath(clinic, stage)}/schedule`);
  }

  putSchedule(
    clinic: string,
    stage: string,
    schedule: Schedule,
  ): Promise<ScheduleResponse> {
    return this.#send('PUT', `${envPath(clinic, stage)}/schedule`, schedule);
  }

  getOperation(id: string): Promise<PowerOperation> {
    return this.#get(`/operations/${encodeURIComponent(id)}`);
  }

  listOperations(
    clinic: string,
    stage: string,
    options: ListLimit = {},
  ): Promise<OperationListResponse> {
    return this.#get(
      `${envPath(clinic, stage)}/operations${limitQuery(options)}`,
    );
  }

  getHistory(
    clinic: string,
    stage: string,
    options: ListLimit = {},
  ): Promise<AuditListResponse> {
    return this.#get(`${envPath(clinic, stage)}/history${limitQuery(options)}`);
  }

  getAudit(options: ListLimit = {}): Promise<AuditListResponse> {
    return this.#get(`/audit${limitQuery(options)}`);
  }

  getCostSummary(): Promise<CostSummaryResponse> {
    return this.#get('/cost/summary');
  }

  getEnvironmentCost(
    clinic: string,
    stage: string,
  ): Promise<EnvironmentCostResponse> {
    return this.#get(
      `/cost/environments/${encodeURIComponent(clinic)}/${encodeURIComponent(
        stage,
      )}`,
    );
  }

  getStageForecast(stage: string): Promise<StageForecastResponse> {
    return this.#get(`/cost/stages/${encodeURIComponent(stage)}/forecast`);
  }

  projectSchedule(
    request: CostProjectionRequest,
  ): Promise<CostProjectionResponse> {
    return this.#send('POST', '/cost/projection', request);
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('stagelight');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    return parse<T>(response);
  }

  async #send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: object,
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('stagelight');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return parse<T>(response);
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return (await response.json()) as T;
}

function envPath(clinic: string, stage: string): string {
  return `/environments/${encodeURIComponent(clinic)}/${encodeURIComponent(
    stage,
  )}`;
}

function scopePath(scope: BulkScope): string {
  return 'clinic' in scope
    ? `/clinics/${encodeURIComponent(scope.clinic)}`
    : `/stages/${encodeURIComponent(scope.stage)}`;
}

function limitQuery(options: ListLimit): string {
  return options.limit === undefined ? '' : `?limit=${options.limit}`;
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
