import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ListEnvironmentsQuery } from '@stagelight/backstage-plugin-stagelight-common';
import type { BulkScope, ListLimit, StagelightApi } from './StagelightApi';
import { StagelightBackendMissingError } from './StagelightBackendMissingError';

/**
 * Talks to the Stagelight backend through the discovery and fetch APIs, so
 * the user's Backstage token travels with each request. Each method is typed
 * by StagelightApi, so its parameters and answer are written (and documented)
 * once, in the interface. When the backend has no Stagelight plugin, every
 * method rejects with a StagelightBackendMissingError naming the line to add.
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

  readonly listEnvironments: StagelightApi['listEnvironments'] = (
    filter = {},
  ) => this.#get(`/environments${queryString(filter)}`);

  readonly listEnvironmentDetails: StagelightApi['listEnvironmentDetails'] = (
    filter = {},
  ) =>
    this.#get(
      `/environments${queryString({ ...filter, include: 'resources' })}`,
    );

  readonly getEnvironment: StagelightApi['getEnvironment'] = (clinic, stage) =>
    this.#get(envPath(clinic, stage));

  readonly listClinics: StagelightApi['listClinics'] = () =>
    this.#get('/clinics');

  readonly wake: StagelightApi['wake'] = (clinic, stage, request) =>
    this.#send('POST', `${envPath(clinic, stage)}/wake`, request);

  readonly sleep: StagelightApi['sleep'] = (clinic, stage, request) =>
    this.#send('POST', `${envPath(clinic, stage)}/sleep`, request);

  readonly bulkWake: StagelightApi['bulkWake'] = (scope, request) =>
    this.#send('POST', `${scopePath(scope)}/wake`, request);

  readonly bulkSleep: StagelightApi['bulkSleep'] = (scope, request) =>
    this.#send('POST', `${scopePath(scope)}/sleep`, request);

  readonly extendLease: StagelightApi['extendLease'] = (
    clinic,
    stage,
    request,
  ) => this.#send('POST', `${envPath(clinic, stage)}/lease/extend`, request);

  readonly endLease: StagelightApi['endLease'] = (clinic, stage, reason) =>
    this.#send(
      'DELETE',
      `${envPath(clinic, stage)}/lease`,
      reason === undefined ? {} : { reason },
    );

  readonly getSchedule: StagelightApi['getSchedule'] = (clinic, stage) =>
    this.#get(`${envPath(clinic, stage)}/schedule`);

  readonly putSchedule: StagelightApi['putSchedule'] = (
    clinic,
    stage,
    schedule,
  ) => this.#send('PUT', `${envPath(clinic, stage)}/schedule`, schedule);

  readonly deleteSchedule: StagelightApi['deleteSchedule'] = (clinic, stage) =>
    this.#send('DELETE', `${envPath(clinic, stage)}/schedule`);

  readonly getOperation: StagelightApi['getOperation'] = id =>
    this.#get(`/operations/${encodeURIComponent(id)}`);

  readonly listOperations: StagelightApi['listOperations'] = (
    clinic,
    stage,
    options = {},
  ) => this.#get(`${envPath(clinic, stage)}/operations${limitQuery(options)}`);

  readonly getHistory: StagelightApi['getHistory'] = (
    clinic,
    stage,
    options = {},
  ) => this.#get(`${envPath(clinic, stage)}/history${limitQuery(options)}`);

  readonly getWakeDurations: StagelightApi['getWakeDurations'] = clinic =>
    this.#get(`/clinics/${encodeURIComponent(clinic)}/wake-durations`);

  readonly getAudit: StagelightApi['getAudit'] = (options = {}) =>
    this.#get(`/audit${limitQuery(options)}`);

  readonly getTimeline: StagelightApi['getTimeline'] = ({
    clinic,
    days,
  } = {}) =>
    this.#get(
      `${
        clinic === undefined ? '' : `/clinics/${encodeURIComponent(clinic)}`
      }/timeline${days === undefined ? '' : `?days=${days}`}`,
    );

  readonly getDoctorReport: StagelightApi['getDoctorReport'] = () =>
    this.#get('/doctor');

  readonly getCostSummary: StagelightApi['getCostSummary'] = () =>
    this.#get('/cost/summary');

  readonly getEnvironmentCost: StagelightApi['getEnvironmentCost'] = (
    clinic,
    stage,
  ) =>
    this.#get(
      `/cost/environments/${encodeURIComponent(clinic)}/${encodeURIComponent(
        stage,
      )}`,
    );

  readonly getClinicCost: StagelightApi['getClinicCost'] = clinic =>
    this.#get(`/cost/clinics/${encodeURIComponent(clinic)}`);

  readonly getStageForecast: StagelightApi['getStageForecast'] = stage =>
    this.#get(`/cost/stages/${encodeURIComponent(stage)}/forecast`);

  readonly projectSchedule: StagelightApi['projectSchedule'] = request =>
    this.#send('POST', '/cost/projection', request);

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('stagelight');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    return parse<T>(response);
  }

  async #send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('stagelight');
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    return parse<T>(response);
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    // Stagelight's own failures carry Backstage's full error body (with
    // `request`); the root router's empty 404 for an unserved /api/ path is
    // parsed into a body without it.
    if (response.status === 404 && error.body.request === undefined) {
      throw new StagelightBackendMissingError(response.url);
    }
    throw error;
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
