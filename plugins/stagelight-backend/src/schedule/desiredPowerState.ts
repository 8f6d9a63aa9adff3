import {
  DesiredPower,
  Schedule,
} from '@stagelight/backstage-plugin-stagelight-common';
import { scheduleStateAt, scheduleTimeline } from './scheduleTimeline';

/** A period an environment is held awake, whatever its schedule. */
export interface LeasePeriod {
  startsAt?: Date;
  endsAt: Date;
}

export interface DesiredPowerInput {
  protected: boolean;
  leases: LeasePeriod[];
  /** The schedule in force; undefined means the environment is not scheduled. */
  schedule?: Schedule;
  at: Date;
}

export interface DesiredPowerAnswer {
  state: DesiredPower;
  reason: string;
  /** The next instant the desired state changes, within a two-week horizon. */
  nextTransition: { at: Date; state: DesiredPower } | null;
  /**
   * The instant the current desired state began (within the horizon): the
   * scheduler acts once per such boundary.
   */
  since: Date | null;
}

const DAY_MS = 86_400_000;
const HORIZON_MS = 14 * DAY_MS;
/** Most transitions are within a day or two: look that far first, and two weeks only when needed. */
const NEAR_MS = 2 * DAY_MS;

function stateAt(
  input: DesiredPowerInput,
  t: number,
): { state: DesiredPower; reason: string } {
  if (input.protected) {
    return { state: 'awake', reason: 'protected stage: never put to sleep' };
  }
  const lease = input.leases
    .filter(
      l => (l.startsAt?.getTime() ?? -Infinity) <= t && t < l.endsAt.getTime(),
    )
    .sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  if (lease) {
    return {
      state: 'awake',
      reason: `lease until ${lease.endsAt.toISOString()}`,
    };
  }
  if (!input.schedule) {
    return { state: 'awake', reason: 'no schedule: left as it is set' };
  }
  return scheduleStateAt(input.schedule, t);
}

/**
 * The power state an environment should be in at `at`: protected stages are
 * always awake, then a covering lease keeps it awake, then the schedule (its
 * dated exceptions before its weekly windows, each window preceded by the
 * pre-warm lead). A pure function of its input.
 *
 * `since` and `nextTransition` are the ends of the current run on the
 * schedule's timeline with the leases added: a lease meeting a window makes
 * one awake run, not a transition.
 */
export function desiredPowerState(
  input: DesiredPowerInput,
): DesiredPowerAnswer {
  const t = input.at.getTime();
  const now = stateAt(input, t);
  // Protected, or unscheduled (awake, leases or not): the state never changes.
  if (input.protected || !input.schedule) {
    return { ...now, nextTransition: null, since: null };
  }
  const leases = input.leases.map(l => ({
    from: l.startsAt?.getTime() ?? -Infinity,
    to: l.endsAt.getTime(),
  }));
  const schedule = input.schedule;
  // A millisecond past the reach on each side, so a run the range's edge cuts is one reaching beyond.
  const runWithin = (reach: number) =>
    scheduleTimeline(schedule, t - reach - 1, t + reach + 1)
      .with(leases)
      .runAt(t);
  let run = runWithin(NEAR_MS);
  if (run.since === null || run.until === null) run = runWithin(HORIZON_MS);
  return {
    ...now,
    since: run.since === null ? null : new Date(run.since),
    nextTransition:
      run.until === null
        ? null
        : {
            at: new Date(run.until),
            state: now.state === 'awake' ? 'asleep' : 'awake',
          },
  };
}
