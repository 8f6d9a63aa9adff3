import type { Schedule } from './power';

/**
 * Why numbers are missing, old or incomplete; shown instead of zeros.
 *
 * @public
 */
export type CostDiagnosticCode =
  /** The stage/clinic tags are not activated as cost allocation tags. */
  | 'TAGS_NOT_ACTIVATED'
  /** Cost Explorer has returned no cost for the app yet (or was never asked). */
  | 'NO_COST_DATA'
  /** Some spend of the app carries no stage or clinic tag. */
  | 'UNTAGGED_COST'
  /** Today's Cost Explorer request budget is spent; stored data is served. */
  | 'BUDGET_EXHAUSTED'
  /** The last refresh failed; stored data (if any) is served. */
  | 'REFRESH_FAILED'
  /** The stored data is older than its time to live. */
  | 'STALE_DATA';

/** @public */
export interface CostDiagnostic {
  code: CostDiagnosticCode;
  /** What it means, in words a manager reads. */
  message: string;
  /** The technical reason (AWS's error, an HTTP status), for whoever fixes it. */
  detail?: string;
}

/**
 * Where the numbers come from and how old they are.
 *
 * @public
 */
export interface CostDataInfo {
  /** When Cost Explorer was last read successfully; null if never. */
  refreshedAt: string | null;
  dataAgeSeconds: number | null;
  /** First and last day (UTC, YYYY-MM-DD) with cost data; null without data. */
  firstDay: string | null;
  lastDay: string | null;
  /**
   * Days of the current month (UTC) with cost data. 0 on the first day of a
   * month, before Cost Explorer has billed it, and without data: month-to-date
   * amounts are then null and the last 30 days are what there is to show.
   */
  monthToDateDays: number;
  /** The 30 days up to the last day with data (YYYY-MM-DD, inclusive); null without data. */
  last30Days: { start: string; end: string } | null;
  currency: string;
  /** Cost Explorer requests (each page counts) spent today (UTC) and allowed per day. */
  budget: { usedToday: number; dailyLimit: number };
}

/**
 * Month to date against last month. Amounts are null when there is no data, never 0 for "unknown".
 *
 * @public
 */
export interface CostMonthComparison {
  /** Null while the month has no billed day yet (see CostDataInfo.monthToDateDays). */
  monthToDate: number | null;
  /** Last month from its first day to the same day of the month as the last day with data; null while this month has none. */
  lastMonthToSameDay: number | null;
  lastMonth: number | null;
  /** The 30 days up to the last day with data (CostDataInfo.last30Days). */
  last30Days: number | null;
}

/** @public */
export interface StageCost extends CostMonthComparison {
  stage: string;
}

/** @public */
export interface ClinicCost extends CostMonthComparison {
  clinic: string;
}

/**
 * GET /cost/summary
 *
 * @public
 */
export interface CostSummaryResponse {
  data: CostDataInfo;
  total: CostMonthComparison;
  byStage: StageCost[];
  byClinic: ClinicCost[];
  /** Month-to-date spend of the app with no stage or clinic tag. */
  untaggedMonthToDate: number | null;
  diagnostics: CostDiagnostic[];
}

/** @public */
export interface DailyCost {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  amount: number;
  /** Cost Explorer marks recent days as estimated until they are final. */
  estimated: boolean;
}

/** @public */
export type CostForecastMethod = 'aws-cost-forecast' | 'trend';

/**
 * The whole current month: actual month to date plus a forecast of the rest.
 *
 * @public
 */
export interface CostForecast {
  stage: string;
  clinic: string | null;
  method: CostForecastMethod;
  /** How the remainder was estimated, in one plain sentence. */
  methodDescription: string;
  /** The same with its technical detail: the formula, and why AWS's forecast was not used. */
  methodDetail: string;
  /** The calendar month (UTC) forecast: first day and first day of next month. */
  period: { start: string; end: string };
  monthToDate: number | null;
  remainder: number | null;
  monthTotal: number | null;
  diagnostics: CostDiagnostic[];
}

/**
 * GET /cost/stages/:stage/forecast
 *
 * @public
 */
export type StageForecastResponse = CostForecast & { data: CostDataInfo };

/**
 * What sleeping saved, from the recorded power history.
 *
 * @public
 */
export interface SleepSavings {
  period: { start: string; end: string };
  /** Hours the environment spent asleep or paused in the period. */
  asleepHours: number;
  /** Hours of the period covered by the recorded power history. */
  recordedHours: number;
  awakeHourlyRate: number | null;
  /** asleepHours x awakeHourlyRate; null when the rate is unknown. */
  amount: number | null;
  /** How it was worked out, in one plain sentence. */
  method: string;
  /** The same with its technical detail: the states counted and how the hourly rate was derived. */
  methodDetail: string;
}

/**
 * GET /cost/environments/:clinic/:stage
 *
 * @public
 */
export interface EnvironmentCostResponse {
  clinic: string;
  stage: string;
  data: CostDataInfo;
  month: CostMonthComparison;
  daily: DailyCost[];
  forecast: CostForecast;
  savings: SleepSavings;
  diagnostics: CostDiagnostic[];
}

/**
 * One stage of a clinic as the stage board shows its cost.
 *
 * @public
 */
export interface ClinicStageCost {
  stage: string;
  /** This month so far; null when the stored days do not cover it or none of it is billed yet. */
  monthToDate: number | null;
  /** The 30 days up to the last day with data (CostDataInfo.last30Days): what there is on a month's first day. */
  last30Days: number | null;
  /** What one awake hour costs (the rate the savings use); null without cost data. */
  awakeHourlyRate: number | null;
  /**
   * What a whole day asleep saves: 24 asleep hours x the awake hourly rate,
   * the rule of {@link SleepSavings}; null when the rate is unknown.
   */
  asleepDaySavings: number | null;
}

/**
 * GET /cost/clinics/:clinic: every configured stage of one clinic, in one answer.
 *
 * @public
 */
export interface ClinicCostResponse {
  clinic: string;
  data: CostDataInfo;
  stages: ClinicStageCost[];
  diagnostics: CostDiagnostic[];
}

/**
 * POST /cost/projection body: a proposed schedule (the schedule model of
 * `./power`, at least one window) for one environment, or without a clinic for
 * every environment of the stage.
 *
 * @public
 */
export interface CostProjectionRequest {
  clinic?: string;
  stage: string;
  schedule: Schedule;
}

/** @public */
export interface CostProjectionResponse {
  clinic: string | null;
  stage: string;
  environments: number;
  /** The month projected: the current calendar month in the schedule's time zone. */
  month: { start: string; end: string; timeZone: string };
  hoursInMonth: number;
  awakeHours: number;
  asleepHours: number;
  awakeHourlyRate: number | null;
  asleepHourlyRate: number | null;
  currentMonthlyCost: number | null;
  projectedMonthlyCost: number | null;
  savings: number | null;
  /** How the rates and the current run rate were derived. */
  method: string;
  diagnostics: CostDiagnostic[];
}
