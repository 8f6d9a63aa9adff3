/**
 * The status vocabulary of docs/architecture.md, "Status and readiness". One module owns these words; the backend
 * derives them, the frontend renders them, pipelines branch on them.
 */

/**
 * Whether an environment's compute is running.
 *
 * @public
 */
export const POWER_STATES = [
  'awake',
  'asleep',
  'waking',
  'sleeping',
  'partial',
  /** The app is scaled to zero and the Aurora Serverless v2 database may auto-pause at 0 ACU. */
  'paused',
  'unknown',
] as const;
/** @public */
export type PowerState = (typeof POWER_STATES)[number];

/**
 * Whether the environment's API serves the deploy marker its task definition carries.
 *
 * @public
 */
export const READINESS_STATES = [
  'ready',
  'deploying',
  /** An older marker is served and no rollout is in progress. */
  'stale',
  'down',
  'asleep',
] as const;
/** @public */
export type ReadinessState = (typeof READINESS_STATES)[number];

/**
 * How a bounded wait for a deploy marker ended.
 *
 * @public
 */
export const WAIT_OUTCOMES = [
  /** The requested marker is served. */
  'ready',
  /** The wait ended while a different marker was served. */
  'stale',
  /** The wait ended and the API never answered with a marker. */
  'timeout',
  /** The environment is asleep: nothing will serve the marker until it is woken. */
  'asleep',
] as const;
/** @public */
export type WaitOutcome = (typeof WAIT_OUTCOMES)[number];

/** @public */
export function isPowerState(value: string): value is PowerState {
  return (POWER_STATES as readonly string[]).includes(value);
}

/**
 * A stage as configured: promotion order is the order of the list.
 *
 * @public
 */
export interface StageInfo {
  name: string;
  /** Protected stages (prod by default) are never put to sleep. */
  protected: boolean;
}

/**
 * The annotation the catalog module puts on a clinic's System and Components;
 * the frontend reads it to find the clinic's environments.
 *
 * @public
 */
export const STAGELIGHT_CLINIC_ANNOTATION = 'stagelight.io/clinic';
