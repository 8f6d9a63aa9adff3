/** @public */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** @public */
export const WEEKDAYS: readonly Weekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

/**
 * A weekly awake window in the schedule's time zone. `end` at or before `start`
 * means the window runs past midnight into the next day; `end` may be `24:00`.
 *
 * @public
 */
export interface ScheduleWindow {
  /** The days the window starts on. */
  days: Weekday[];
  /** HH:MM, local time. */
  start: string;
  /** HH:MM, local time. */
  end: string;
}

/**
 * A dated exception: the whole local day is forced awake or asleep (holidays, release days).
 *
 * @public
 */
export interface ScheduleException {
  /** YYYY-MM-DD in the schedule's time zone. */
  date: string;
  state: 'awake' | 'asleep';
  note?: string;
}

/**
 * When an environment should be awake; outside every window it should sleep.
 *
 * @public
 */
export interface Schedule {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  windows: ScheduleWindow[];
  /** Wake this many minutes before each window starts. */
  preWarmMinutes: number;
  exceptions: ScheduleException[];
}

/** @public */
export type DesiredPower = 'awake' | 'asleep';

/** @public */
export type PowerOperationKind = 'wake' | 'sleep';
/** @public */
export type PowerOperationStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed';
/** @public */
export type PowerStepName =
  | 'remember-counts'
  | 'release-scaling'
  | 'scale-to-zero'
  | 'stop-db'
  | 'start-db'
  | 'wait-db-available'
  | 'restore-scaling'
  | 'restore-counts'
  | 'wait-ready';
/** @public */
export type PowerStepStatus =
  | 'pending'
  | 'running'
  | 'done'
  | 'skipped'
  | 'failed';

/** @public */
export interface PowerStep {
  name: PowerStepName;
  status: PowerStepStatus;
  /** What the step did, e.g. the counts it remembered or restored. */
  result: Record<string, unknown> | null;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * One wake or sleep of one environment, persisted with its steps.
 *
 * @public
 */
export interface PowerOperation {
  id: string;
  clinic: string;
  stage: string;
  kind: PowerOperationKind;
  status: PowerOperationStatus;
  /** `user` for a request, `schedule` for the scheduler. */
  trigger: 'user' | 'schedule';
  requestedBy: string;
  reason: string;
  /**
   * The environment as this operation left it: `partial` when it failed after
   * some steps changed AWS; null while it runs.
   */
  outcome: 'awake' | 'asleep' | 'partial' | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  steps: PowerStep[];
}

/** @public */
export interface PowerLease {
  clinic: string;
  stage: string;
  startsAt: string;
  endsAt: string;
  requestedBy: string;
  reason: string;
}

/**
 * POST /environments/:clinic/:stage/wake
 *
 * @public
 */
export interface WakeRequest {
  reason: string;
  /** Keep the environment awake this long (1..stagelight.power.maxLeaseHours). */
  leaseHours?: number;
}

/**
 * POST /environments/:clinic/:stage/sleep
 *
 * @public
 */
export interface SleepRequest {
  reason: string;
}

/**
 * POST /environments/:clinic/:stage/lease/extend
 *
 * @public
 */
export interface ExtendLeaseRequest {
  hours: number;
  reason: string;
}

/**
 * 202 answer of wake and sleep: the operation (possibly one already running).
 *
 * @public
 */
export interface PowerOperationResponse {
  operation: PowerOperation;
  lease: PowerLease | null;
}

/**
 * GET /environments/:clinic/:stage/schedule
 *
 * @public
 */
export interface ScheduleResponse {
  clinic: string;
  stage: string;
  /** The schedule in force: the override, else the stage's default, else none. */
  schedule: Schedule | null;
  source: 'override' | 'stage-default' | 'none';
  protected: boolean;
  lease: PowerLease | null;
  /** How far ahead of now a lease may reach (stagelight.power.maxLeaseHours). */
  maxLeaseHours: number;
  desired: {
    state: DesiredPower;
    reason: string;
    nextTransition: { at: string; state: DesiredPower } | null;
  };
}

/**
 * One audited mutation attempt, allowed or denied. Never updated or deleted.
 *
 * @public
 */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  clinic: string | null;
  stage: string | null;
  reason: string | null;
  result: 'succeeded' | 'denied' | 'rejected' | 'failed';
  detail: string | null;
  operationId: string | null;
}

/** @public */
export interface AuditListResponse {
  items: AuditRecord[];
}

/** @public */
export interface OperationListResponse {
  items: PowerOperation[];
}

/**
 * How long waking one environment usually takes: the median, from the request
 * to the deploy marker served, of its recent succeeded wakes that woke
 * something; null while there are none.
 *
 * @public
 */
export interface WakeDuration {
  stage: string;
  medianSeconds: number | null;
  /** How many wakes the median rests on (at most the response's `sampleSize`). */
  wakes: number;
}

/**
 * GET /clinics/:clinic/wake-durations: each environment of the clinic.
 *
 * @public
 */
export interface WakeDurationsResponse {
  clinic: string;
  /** How many recent wakes per environment are looked at. */
  sampleSize: number;
  items: WakeDuration[];
}

/**
 * An environment a bulk wake or sleep left alone, and why.
 *
 * @public
 */
export interface BulkPowerSkipped {
  clinic: string;
  stage: string;
  /** e.g. the stage is protected, or another operation of the other kind holds it. */
  reason: string;
}

/**
 * 202 answer of POST /clinics/:clinic/wake|sleep and /stages/:stage/wake|sleep:
 * one operation per environment (each with its own lock, possibly one already
 * running), and the environments skipped.
 *
 * @public
 */
export interface BulkPowerResponse {
  scope: { clinic: string } | { stage: string };
  started: PowerOperationResponse[];
  skipped: BulkPowerSkipped[];
}

/**
 * Signals channel on which the backend publishes every change of a power operation.
 *
 * @public
 */
export const OPERATION_SIGNAL_CHANNEL = 'stagelight:operation';

/**
 * The message on {@link OPERATION_SIGNAL_CHANNEL} (broadcast): enough to redraw
 * a status page; the reason, requester and error text are fetched with read
 * permission from GET /operations/:id.
 *
 * @public
 */
export type OperationSignal = {
  operationId: string;
  clinic: string;
  stage: string;
  kind: PowerOperationKind;
  status: PowerOperationStatus;
  outcome: 'awake' | 'asleep' | 'partial' | null;
  /** The running (or failed, or next) step; null once it succeeded. */
  step: PowerStepName | null;
  steps: Array<{ name: PowerStepName; status: PowerStepStatus }>;
  finishedAt: string | null;
};
