import type {
  CostDataInfo,
  CostProjectionResponse,
  CostSummaryResponse,
  EnvironmentCostResponse,
  StageForecastResponse,
} from '@stagelight/backstage-plugin-stagelight-common';

export const DATA: CostDataInfo = {
  refreshedAt: '2026-11-26T09:00:00.000Z',
  dataAgeSeconds: 7200,
  firstDay: '2026-10-01',
  lastDay: '2026-11-25',
  monthToDateDays: 25,
  last30Days: { start: '2026-10-27', end: '2026-11-25' },
  currency: 'USD',
  budget: { usedToday: 3, dailyLimit: 20 },
};

export function costSummary(
  overrides: Partial<CostSummaryResponse> = {},
): CostSummaryResponse {
  return {
    data: DATA,
    total: {
      monthToDate: 150,
      lastMonthToSameDay: 120,
      lastMonth: 160,
      last30Days: 175,
    },
    byStage: [
      {
        stage: 'dev',
        monthToDate: 50,
        lastMonthToSameDay: 40,
        lastMonth: 55,
        last30Days: 58,
      },
      {
        stage: 'prod',
        monthToDate: 100,
        lastMonthToSameDay: 80,
        lastMonth: 105,
        last30Days: 117,
      },
    ],
    byClinic: [
      {
        clinic: 'north-clinic',
        monthToDate: 150,
        lastMonthToSameDay: null,
        lastMonth: null,
        last30Days: null,
      },
    ],
    untaggedMonthToDate: null,
    diagnostics: [],
    ...overrides,
  };
}

export function stageForecast(
  stage: string,
  overrides: Partial<StageForecastResponse> = {},
): StageForecastResponse {
  return {
    stage,
    clinic: null,
    method: 'trend',
    methodDescription:
      'Estimated from the average daily cost of the last 14 days, continued to the end of the month.',
    methodDetail:
      'trend: mean daily cost of the last 14 days with data x the days of the month left after them.',
    period: { start: '2026-11-01', end: '2026-12-01' },
    monthToDate: 50,
    remainder: 10,
    monthTotal: 60,
    diagnostics: [],
    data: DATA,
    ...overrides,
  };
}

export function environmentCost(
  clinic: string,
  stage: string,
  overrides: Partial<EnvironmentCostResponse> = {},
): EnvironmentCostResponse {
  return {
    clinic,
    stage,
    data: DATA,
    month: {
      monthToDate: 5,
      lastMonthToSameDay: 4,
      lastMonth: 6,
      last30Days: 7,
    },
    daily: [
      {
        date: '2026-11-24',
        amount: stage === 'prod' ? 4 : 1,
        estimated: false,
      },
      { date: '2026-11-25', amount: stage === 'prod' ? 5 : 2, estimated: true },
    ],
    forecast: stageForecast(stage),
    savings: {
      period: { start: '2026-11-01', end: '2026-11-26' },
      asleepHours: 300,
      recordedHours: 600,
      awakeHourlyRate: stage === 'prod' ? null : 0.5,
      amount: stage === 'prod' ? null : 150,
      method: 'The hours it slept this month, times what an hour awake costs.',
      methodDetail:
        'asleep hours (power states asleep/paused) this month from the recorded power history x awake hourly rate; awake rate: mean daily cost on 4 fully-awake days (from the power history) / 24',
    },
    diagnostics: [],
    ...overrides,
  };
}

export function projection(
  overrides: Partial<CostProjectionResponse> = {},
): CostProjectionResponse {
  return {
    clinic: null,
    stage: 'dev',
    environments: 2,
    month: {
      start: '2026-11-01',
      end: '2026-12-01',
      timeZone: 'America/New_York',
    },
    hoursInMonth: 720,
    awakeHours: 200,
    asleepHours: 520,
    awakeHourlyRate: 0.5,
    asleepHourlyRate: 0.05,
    currentMonthlyCost: 360,
    projectedMonthlyCost: 126,
    savings: 234,
    method: 'awake and asleep rates from the last 14 days',
    diagnostics: [],
    ...overrides,
  };
}
