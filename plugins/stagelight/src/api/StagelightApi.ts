import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AuditListResponse,
  BulkPowerResponse,
  ClinicCostResponse,
  CostProjectionRequest,
  CostProjectionResponse,
  CostSummaryResponse,
  DoctorReport,
  EnvironmentCostResponse,
  EnvironmentDetail,
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
  TimelineResponse,
  WakeDurationsResponse,
  WakeRequest,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * Filters of the environment list; `include` is chosen by the method called.
 *
 * @public
 */
export type EnvironmentFilter = Omit<ListEnvironmentsQuery, 'include'>;

/**
 * The environment list when full details were requested (`include=resources`).
 *
 * @public
 */
export type ListEnvironmentDetailsResponse = Omit<
  ListEnvironmentsResponse,
  'items'
> & { items: EnvironmentDetail[] };

/**
 * What a bulk wake or sleep acts on: every stage of one clinic, or one stage in every clinic.
 *
 * @public
 */
export type BulkScope = BulkPowerResponse['scope'];

/**
 * How many records a list asks for (the backend allows 1..500, default 50).
 *
 * @public
 */
export interface ListLimit {
  limit?: number;
}

/**
 * The Stagelight backend: status reads, wake/sleep and leases, and the audit
 * history. Failures throw a `ResponseError` (from `@backstage/errors`) whose
 * `cause.message` carries the backend's explanation.
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

  /** Starts (or joins the running) wake of one environment; optionally holds it awake with a lease. */
  wake(
    clinic: string,
    stage: string,
    request: WakeRequest,
  ): Promise<PowerOperationResponse>;
  /** Starts (or joins the running) sleep of one environment; protected stages answer 409. */
  sleep(
    clinic: string,
    stage: string,
    request: SleepRequest,
  ): Promise<PowerOperationResponse>;
  /**
   * Wakes every environment of a clinic, or one stage in every clinic: one
   * operation per environment; those that refuse are listed as skipped.
   */
  bulkWake(scope: BulkScope, request: WakeRequest): Promise<BulkPowerResponse>;
  /** Puts every environment of the scope to sleep; protected stages are skipped. */
  bulkSleep(
    scope: BulkScope,
    request: SleepRequest,
  ): Promise<BulkPowerResponse>;
  /** Moves the end of the running lease later by `hours`. */
  extendLease(
    clinic: string,
    stage: string,
    request: ExtendLeaseRequest,
  ): Promise<{ lease: PowerLease }>;
  /** Ends the running lease now; the schedule decides again. */
  endLease(
    clinic: string,
    stage: string,
    reason?: string,
  ): Promise<{ lease: PowerLease }>;
  /** The schedule in force (override, else the stage default), the lease and the next transition. */
  getSchedule(clinic: string, stage: string): Promise<ScheduleResponse>;
  /** Replaces the environment's schedule override; an invalid schedule answers 400 listing every problem. */
  putSchedule(
    clinic: string,
    stage: string,
    schedule: Schedule,
  ): Promise<ScheduleResponse>;
  /** Removes the environment's schedule override: the stage default (or none) applies again. */
  deleteSchedule(clinic: string, stage: string): Promise<ScheduleResponse>;
  getOperation(id: string): Promise<PowerOperation>;
  /** The environment's power operations, newest first. */
  listOperations(
    clinic: string,
    stage: string,
    options?: ListLimit,
  ): Promise<OperationListResponse>;
  /** The audit records of one environment, newest first. */
  getHistory(
    clinic: string,
    stage: string,
    options?: ListLimit,
  ): Promise<AuditListResponse>;
  /** How long waking each environment of the clinic usually takes (median of its recent wakes). */
  getWakeDurations(clinic: string): Promise<WakeDurationsResponse>;
  /** The audit records of the whole fleet, newest first. */
  getAudit(options?: ListLimit): Promise<AuditListResponse>;
  /**
   * The power timeline of one clinic's stages, or of the whole fleet when no
   * clinic is given, over the last `days` (1..31, default 7): recorded bands,
   * schedule windows, leases, wake and sleep markers, and cost per day when
   * the user may read cost.
   */
  getTimeline(options?: {
    clinic?: string;
    days?: number;
  }): Promise<TimelineResponse>;

  /**
   * The doctor: per configured account and region, access, permissions, what
   * carries the tags; readiness URLs; cost allocation tags. Details only for
   * holders of `stagelight.admin`.
   */
  getDoctorReport(): Promise<DoctorReport>;

  /** Month to date against last month by stage and by clinic, with the data's age and diagnostics. */
  getCostSummary(): Promise<CostSummaryResponse>;
  /** One environment's daily cost, month comparison, forecast and sleep savings. */
  getEnvironmentCost(
    clinic: string,
    stage: string,
  ): Promise<EnvironmentCostResponse>;
  /** Every configured stage of one clinic: month to date, the awake hourly rate and what a day asleep saves. */
  getClinicCost(clinic: string): Promise<ClinicCostResponse>;
  /** The current month's forecast of one stage across every clinic. */
  getStageForecast(stage: string): Promise<StageForecastResponse>;
  /** The monthly cost and savings a proposed schedule would give; an invalid schedule answers 400. */
  projectSchedule(
    request: CostProjectionRequest,
  ): Promise<CostProjectionResponse>;
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
