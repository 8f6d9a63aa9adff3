import {
  DesiredPower,
  Schedule,
  ScheduleException,
  ScheduleWindow,
  WEEKDAYS,
} from '@internal/plugin-stagelight-common';
import { DateTime } from 'luxon';
import { minutesOf } from './validateSchedule';

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

const HORIZON_DAYS = 14;

interface Occurrence {
  window: ScheduleWindow;
  /** When the environment should start waking: window start minus the pre-warm lead. */
  wakeAt: number;
  startAt: number;
  endAt: number;
}

/** A local wall time on a local date; luxon moves times that DST skips forward. */
function localInstant(day: DateTime, minutes: number): DateTime {
  const base = minutes >= 1440 ? day.plus({ days: 1 }) : day;
  return base
    .startOf('day')
    .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 });
}

function occurrencesOn(schedule: Schedule, day: DateTime): Occurrence[] {
  // Luxon numbers the days 1 (Monday) to 7 (Sunday), WEEKDAYS's order.
  const weekday = WEEKDAYS[day.weekday - 1];
  return schedule.windows
    .filter(w => w.days.includes(weekday))
    .map(window => {
      const start = minutesOf(window.start);
      const end = minutesOf(window.end);
      const startAt = localInstant(day, start);
      // An end at or before the start is on the next local day.
      const endAt =
        end > start
          ? localInstant(day, end)
          : localInstant(day.plus({ days: 1 }), end);
      return {
        window,
        startAt: startAt.toMillis(),
        endAt: endAt.toMillis(),
        wakeAt: startAt.toMillis() - schedule.preWarmMinutes * 60_000,
      };
    });
}

function describeWindow(w: ScheduleWindow, zone: string) {
  return `window ${w.days.join(',')} ${w.start}-${w.end} ${zone}`;
}

/** A schedule laid out as instants around `at`, so evaluating it needs no calendar work. */
interface Timeline {
  schedule: Schedule;
  occurrences: Occurrence[];
  exceptions: { from: number; to: number; exception: ScheduleException }[];
}

function timelineOf(schedule: Schedule, at: Date, days: number): Timeline {
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone }).startOf(
    'day',
  );
  const occurrences: Occurrence[] = [];
  // One day more on each side: windows past midnight and pre-warm leads reach across.
  for (let d = -days - 1; d <= days + 1; d++) {
    occurrences.push(...occurrencesOn(schedule, local.plus({ days: d })));
  }
  const exceptions = schedule.exceptions.map(exception => {
    const day = DateTime.fromISO(exception.date, { zone: schedule.timeZone });
    return {
      from: day.toMillis(),
      to: day.plus({ days: 1 }).toMillis(),
      exception,
    };
  });
  return { schedule, occurrences, exceptions };
}

function scheduleState(
  timeline: Timeline,
  t: number,
): { state: DesiredPower; reason: string } {
  const zone = timeline.schedule.timeZone;
  const e = timeline.exceptions.find(x => x.from <= t && t < x.to)?.exception;
  if (e) {
    return {
      state: e.state,
      reason: `exception ${e.date}${e.note ? ` (${e.note})` : ''}`,
    };
  }
  const inside = timeline.occurrences.find(o => o.startAt <= t && t < o.endAt);
  if (inside) {
    return { state: 'awake', reason: describeWindow(inside.window, zone) };
  }
  const warming = timeline.occurrences.find(
    o => o.wakeAt <= t && t < o.startAt,
  );
  if (warming) {
    return {
      state: 'awake',
      reason: `pre-warm ${
        timeline.schedule.preWarmMinutes
      } min before ${describeWindow(warming.window, zone)}`,
    };
  }
  return {
    state: 'asleep',
    reason: `outside the schedule's windows (${zone})`,
  };
}

function stateAt(
  input: Omit<DesiredPowerInput, 'at' | 'schedule'>,
  timeline: Timeline | undefined,
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
  if (!timeline) {
    return { state: 'awake', reason: 'no schedule: left as it is set' };
  }
  return scheduleState(timeline, t);
}

/** Every instant within `days` of `at` at which the desired state may change. */
function candidates(
  input: DesiredPowerInput,
  timeline: Timeline | undefined,
  days: number,
): number[] {
  const t = input.at.getTime();
  const out: number[] = [];
  for (const l of input.leases) {
    if (l.startsAt) out.push(l.startsAt.getTime());
    out.push(l.endsAt.getTime());
  }
  for (const o of timeline?.occurrences ?? [])
    out.push(o.wakeAt, o.startAt, o.endAt);
  for (const e of timeline?.exceptions ?? []) out.push(e.from, e.to);
  const horizon = days * 86_400_000;
  return [...new Set(out)]
    .filter(c => Math.abs(c - t) <= horizon)
    .sort((a, b) => a - b);
}

function transitions(
  input: DesiredPowerInput,
  timeline: Timeline | undefined,
  current: DesiredPower,
  days: number,
): Pick<DesiredPowerAnswer, 'nextTransition' | 'since'> {
  const t = input.at.getTime();
  const points = candidates(input, timeline, days);
  let nextTransition: DesiredPowerAnswer['nextTransition'] = null;
  for (const c of points) {
    if (c <= t) continue;
    const s = stateAt(input, timeline, c).state;
    if (s !== current) {
      nextTransition = { at: new Date(c), state: s };
      break;
    }
  }
  let since: Date | null = null;
  for (let i = points.length - 1; i >= 0; i--) {
    const c = points[i];
    if (c > t) continue;
    if (stateAt(input, timeline, c - 1).state !== current) {
      since = new Date(c);
      break;
    }
  }
  return { nextTransition, since };
}

/**
 * The power state an environment should be in at `at`: protected stages are
 * always awake, then a covering lease keeps it awake, then the schedule (its
 * dated exceptions before its weekly windows, each window preceded by the
 * pre-warm lead). A pure function of its input.
 */
export function desiredPowerState(
  input: DesiredPowerInput,
): DesiredPowerAnswer {
  const t = input.at.getTime();
  const timeline = (days: number) =>
    input.schedule ? timelineOf(input.schedule, input.at, days) : undefined;
  const near = timeline(2);
  const now = stateAt(input, near, t);
  if (input.protected) {
    return { ...now, nextTransition: null, since: null };
  }
  // Most transitions are within a day or two; look further only when needed.
  let found = transitions(input, near, now.state, 2);
  if (!found.nextTransition || !found.since) {
    found = transitions(input, timeline(HORIZON_DAYS), now.state, HORIZON_DAYS);
  }
  return { ...now, ...found };
}
