import type {
  EnvironmentDetail,
  EnvironmentSummary,
  StageInfo,
} from '@internal/plugin-stagelight-common';
import type { StagelightApi } from '../api';

export const STAGES: StageInfo[] = [
  { name: 'dev', protected: false },
  { name: 'test', protected: false },
  { name: 'staging', protected: false },
  { name: 'prod', protected: true },
];

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
  };
}
