import type { PowerState } from './vocabulary';

/**
 * Days a power timeline covers when the request names none, and the most it may ask for.
 *
 * @public
 */
export const DEFAULT_TIMELINE_DAYS = 7;
/** @public */
export const MAX_TIMELINE_DAYS = 31;

/**
 * A stretch of one recorded power state, ISO instants, `from` included and
 * `to` not. Where nothing was recorded (before the history starts, while the
 * portal was down) there is no band: a gap means "not recorded", never asleep.
 *
 * @public
 */
export interface PowerBand {
  state: PowerState;
  from: string;
  to: string;
}

/**
 * A stretch the environment's schedule wants it awake (pre-warm included).
 *
 * @public
 */
export interface ScheduleWindowSpan {
  from: string;
  to: string;
}

/**
 * A lease overlapping the period: awake on purpose until `to`.
 *
 * @public
 */
export interface LeaseSpan {
  from: string;
  to: string;
  requestedBy: string;
  reason: string;
}

/**
 * What a marker on the timeline stands for.
 *
 * @public
 */
export type PowerMarkerKind = 'wake' | 'sleep' | 'lease-extend' | 'lease-end';

/**
 * Who woke or slept the environment (or changed its lease), and when: from the audit history.
 *
 * @public
 */
export interface PowerMarker {
  at: string;
  kind: PowerMarkerKind;
  /** A user entity ref, or `stagelight:scheduler` for the schedule. */
  actor: string;
  reason: string | null;
  result: 'succeeded' | 'failed';
  detail: string | null;
}

/**
 * One UTC day's cost of an environment; amount null where Cost Explorer has no row for it.
 *
 * @public
 */
export interface DailyCostPoint {
  /** YYYY-MM-DD (UTC) */
  day: string;
  amount: number | null;
  /** Cost Explorer marks the latest days as estimated until they are final. */
  estimated: boolean;
}

/**
 * Hours of each recorded state within the period; the rest was not recorded.
 *
 * @public
 */
export type PowerHours = Partial<Record<PowerState, number>>;

/**
 * One environment's week (or `days`): recorded bands, schedule, leases, markers and cost.
 *
 * @public
 */
export interface EnvironmentTimeline {
  clinic: string;
  stage: string;
  protected: boolean;
  bands: PowerBand[];
  /** Hours per recorded state, rounded to a tenth. */
  hours: PowerHours;
  /** Where the windows come from: the environment's override, its stage's default, or none. */
  scheduleSource: 'override' | 'stage-default' | 'none';
  /** The schedule in force now, laid over the whole period. */
  scheduleWindows: ScheduleWindowSpan[];
  leases: LeaseSpan[];
  markers: PowerMarker[];
  /** One point per UTC day of the period; null when the caller may not read cost. */
  dailyCost: DailyCostPoint[] | null;
}

/**
 * GET /clinics/:clinic/timeline and GET /timeline
 *
 * @public
 */
export interface TimelineResponse {
  /** The period, ISO instants: `days` x 24 h up to now. */
  from: string;
  to: string;
  days: number;
  /** The UTC days the daily cost covers, oldest first. */
  costDays: string[];
  /** Whether the caller may read cost; without it every `dailyCost` is null. */
  costIncluded: boolean;
  currency: string | null;
  /** Environments in the snapshot's order (a clinic's stages in promotion order). */
  environments: EnvironmentTimeline[];
}
