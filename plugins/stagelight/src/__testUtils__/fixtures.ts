import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  STAGELIGHT_CLINIC_ANNOTATION,
  type AuditRecord,
  type ClinicCostResponse,
  type EnvironmentDetail,
  type EnvironmentSummary,
  type ListClinicsResponse,
  type PowerLease,
  type PowerOperation,
  type PowerStep,
  type ScheduleResponse,
  type StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { StagelightApi } from '../api';
import { timelineResponse } from './timelineFixtures';

export const STAGES: StageInfo[] = [
  { name: 'dev', protected: false },
  { name: 'test', protected: false },
  { name: 'staging', protected: false },
  { name: 'prod', protected: true },
];

/** An environment that is asleep, as its summary or detail says it: `detail(clinic, stage, ASLEEP)`. */
export const ASLEEP = { power: 'asleep', readiness: 'asleep' } as const;

export function summary(
  clinic: string,
  stage: string,
  overrides: Partial<EnvironmentSummary> = {},
): EnvironmentSummary {
  return {
    clinic,
    stage,
    protected: stage === 'prod',
    owner: 'group:default/radiology',
    power: 'awake',
    readiness: 'ready',
    expectedMarker: 'c1',
    servedMarker: 'c1',
    queue: {
      visible: 0,
      inFlight: 0,
      delayed: 0,
      dlq: 0,
      oldestAgeSeconds: null,
    },
    errors: [],
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds: 40,
    ...overrides,
  };
}

export function detail(
  clinic: string,
  stage: string,
  overrides: Partial<EnvironmentDetail> = {},
): EnvironmentDetail {
  const base = summary(clinic, stage, overrides);
  return {
    ...base,
    resources: [],
    services: [],
    database: null,
    queues: [],
    functions: [],
    readinessDetail: {
      state: base.readiness,
      expectedMarker: base.expectedMarker,
      servedMarker: base.servedMarker,
      reason: null,
      probeUrl: null,
      checkedAt: base.refreshedAt,
    },
    ...overrides,
  };
}

/** A StagelightApi whose methods are jest mocks; each test says what they answer. */
export function mockStagelightApi(): jest.Mocked<StagelightApi> {
  return {
    listEnvironments: jest.fn(),
    listEnvironmentDetails: jest.fn(),
    getEnvironment: jest.fn(),
    listClinics: jest.fn(),
    wake: jest.fn(),
    sleep: jest.fn(),
    bulkWake: jest.fn(),
    bulkSleep: jest.fn(),
    extendLease: jest.fn(),
    endLease: jest.fn(),
    // Boards read every column's plan; tests about something else get a plain one.
    getSchedule: jest.fn(async (clinic: string, stage: string) =>
      schedulePlan(clinic, stage),
    ),
    putSchedule: jest.fn(),
    deleteSchedule: jest.fn(),
    getOperation: jest.fn(),
    listOperations: jest.fn(),
    getHistory: jest.fn(),
    getAudit: jest.fn(),
    getDoctorReport: jest.fn(),
    getCostSummary: jest.fn(),
    getEnvironmentCost: jest.fn(),
    getStageForecast: jest.fn(),
    projectSchedule: jest.fn(),
    // Boards show the power timeline; tests about something else get an empty one.
    getTimeline: jest.fn(async () => timelineResponse([])),
    // Boards read these once per clinic; tests about something else get no history and no cost.
    getWakeDurations: jest.fn(async (clinic: string) => ({
      clinic,
      sampleSize: 10,
      items: [],
    })),
    getClinicCost: jest.fn(async (clinic: string) => ({
      clinic,
      data: {
        refreshedAt: null,
        dataAgeSeconds: null,
        firstDay: null,
        lastDay: null,
        currency: 'USD',
        budget: { usedToday: 0, dailyLimit: 20 },
      } as ClinicCostResponse['data'],
      stages: [],
      diagnostics: [],
    })),
  };
}

/** A mock StagelightApi for a fleet that has no clinics and no environments yet. */
export function emptyFleetApi(): jest.Mocked<StagelightApi> {
  const api = mockStagelightApi();
  api.listClinics.mockResolvedValue({ items: [] });
  api.listEnvironments.mockResolvedValue({
    items: [],
    stages: STAGES,
    refreshedAt: null,
    dataAgeSeconds: null,
  });
  return api;
}

/** The plan (schedule, lease, desired state) of an environment following its stage's default. */
export function schedulePlan(
  clinic: string,
  stage: string,
  overrides: Partial<ScheduleResponse> = {},
): ScheduleResponse {
  return {
    clinic,
    stage,
    schedule: {
      timeZone: 'Europe/Berlin',
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start: '08:00',
          end: '18:00',
        },
      ],
      preWarmMinutes: 0,
      exceptions: [],
    },
    source: 'stage-default',
    protected: stage === 'prod',
    lease: null,
    maxLeaseHours: 12,
    desired: {
      state: 'awake',
      reason: 'inside a schedule window',
      nextTransition: { at: '2026-11-26T17:00:00.000Z', state: 'asleep' },
    },
    ...overrides,
  };
}

/** A lease of the environment that started an hour ago and ends in an hour. */
export function runningLease(clinic: string, stage: string): PowerLease {
  const now = Date.now();
  return {
    clinic,
    stage,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    requestedBy: 'user:default/lead',
    reason: 'demo',
  };
}

/** A power operation of north-clinic/dev; tests override what they check. */
export function operation(
  overrides: Partial<PowerOperation> = {},
): PowerOperation {
  return {
    id: 'op-1',
    clinic: 'north-clinic',
    stage: 'dev',
    kind: 'wake',
    status: 'running',
    trigger: 'user',
    requestedBy: 'user:default/lead',
    reason: 'testing a fix',
    outcome: null,
    error: null,
    createdAt: '2026-11-26T10:00:00.000Z',
    finishedAt: null,
    steps: [],
    ...overrides,
  };
}

/** One step of a power operation, not yet timed. */
export function powerStep(
  name: PowerStep['name'],
  status: PowerStep['status'],
  error: string | null = null,
): PowerStep {
  return {
    name,
    status,
    result: null,
    error,
    startedAt: null,
    finishedAt: null,
  };
}

/** An audit record; tests override what they check. */
export function auditRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: 1,
    at: '2026-11-26T10:00:00.000Z',
    actor: 'user:default/lead',
    action: 'environment-wake',
    clinic: 'north-clinic',
    stage: 'dev',
    reason: 'testing a fix',
    result: 'succeeded',
    detail: null,
    operationId: null,
    ...overrides,
  };
}

/** The ResponseError the client throws when the backend answers `status` with `message`. */
export async function responseError(
  status: number,
  message: string,
  name = 'Error',
): Promise<ResponseError> {
  const text = JSON.stringify({
    error: { name, message },
    request: { method: 'POST', url: '/api/stagelight' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: '',
    url: 'http://localhost/api/stagelight',
    headers: {
      get: (h: string) =>
        h.toLowerCase() === 'content-type' ? 'application/json' : null,
    },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response);
}

/** The catalog System of the sample clinic. */
export const clinicSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'north-clinic',
    annotations: { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' },
  },
  spec: { owner: 'group:default/radiology' },
};

/** A list-environments answer holding these summaries or details. */
export function fleetOf<T extends EnvironmentSummary>(
  items: T[],
  dataAgeSeconds = 40,
) {
  return {
    items,
    stages: STAGES,
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds,
  };
}

/**
 * A list-clinics answer: each clinic's stages in the order given, asleep or
 * awake (and then ready), e.g. `{ 'north-clinic': { dev: 'asleep' } }`.
 */
export function clinicsOf(
  clinics: Record<string, Record<string, 'awake' | 'asleep'>>,
): ListClinicsResponse {
  return {
    items: Object.entries(clinics).map(([clinic, stages]) => ({
      clinic,
      owner: null,
      stages: Object.entries(stages).map(([stage, power]) => ({
        stage,
        power,
        readiness: power === 'awake' ? 'ready' : 'asleep',
      })),
    })),
  };
}
