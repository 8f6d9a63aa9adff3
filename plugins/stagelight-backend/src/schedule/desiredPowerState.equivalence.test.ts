import {
  DesiredPower,
  Schedule,
  ScheduleWindow,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime } from 'luxon';
import { desiredPowerState, DesiredPowerInput } from './desiredPowerState';

/*
 * desiredPowerState against a reference that knows nothing of timelines: it
 * paints the schedule minute by minute straight from luxon and steps through
 * the minutes for the transitions. Every boundary in these zones falls on a
 * whole minute, so a minute grid is exact.
 */

import { random } from './__testUtils__/schedules';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HORIZON = 14 * DAY;

interface Reference {
  /** Minute 0 of the grid. */
  origin: number;
  /** The schedule's state for each minute of the grid, leases aside. */
  scheduled: DesiredPower[];
  occurrences: {
    window: ScheduleWindow;
    wake: number;
    start: number;
    end: number;
  }[];
  exceptionDays: {
    from: number;
    to: number;
    date: string;
    note?: string;
    state: DesiredPower;
  }[];
}

function wall(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number);
  return h === 24
    ? day.plus({ days: 1 }).startOf('day')
    : day.set({ hour: h, minute: m });
}

/** The schedule painted over [from, to), whole minutes. */
function paint(schedule: Schedule, from: number, to: number): Reference {
  const zone = schedule.timeZone;
  const minutes = (to - from) / MINUTE;
  const scheduled: DesiredPower[] = new Array(minutes).fill('asleep');
  const fill = (a: number, b: number, state: DesiredPower) => {
    for (
      let i = Math.max(0, (a - from) / MINUTE);
      i < Math.min(minutes, (b - from) / MINUTE);
      i++
    ) {
      scheduled[i] = state;
    }
  };
  const occurrences: Reference['occurrences'] = [];
  let day = DateTime.fromMillis(from - 2 * DAY, { zone }).startOf('day');
  while (day.toMillis() < to + DAY) {
    for (const window of schedule.windows) {
      if (!window.days.includes(WEEKDAYS[day.weekday - 1])) continue;
      const start = wall(day, window.start).toMillis();
      const end = (
        window.end > window.start
          ? wall(day, window.end)
          : wall(day.plus({ days: 1 }).startOf('day'), window.end)
      ).toMillis();
      const wake = start - schedule.preWarmMinutes * MINUTE;
      occurrences.push({ window, wake, start, end });
      fill(wake, start, 'awake');
      fill(start, end, 'awake');
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  const exceptionDays = schedule.exceptions.map(e => {
    const d = DateTime.fromISO(e.date, { zone }).startOf('day');
    return {
      ...e,
      from: d.toMillis(),
      to: d.plus({ days: 1 }).startOf('day').toMillis(),
    };
  });
  for (const e of [...exceptionDays].reverse()) fill(e.from, e.to, e.state);
  return { origin: from, scheduled, occurrences, exceptionDays };
}

function describe_(w: ScheduleWindow, zone: string) {
  return `window ${w.days.join(',')} ${w.start}-${w.end} ${zone}`;
}

function referenceAnswer(input: DesiredPowerInput, ref: Reference) {
  const t = input.at.getTime();
  const covering = (x: number) =>
    input.leases.filter(
      l => (l.startsAt?.getTime() ?? -Infinity) <= x && x < l.endsAt.getTime(),
    );
  const state = (x: number): DesiredPower =>
    input.protected || !input.schedule || covering(x).length
      ? 'awake'
      : ref.scheduled[Math.floor((x - ref.origin) / MINUTE)];

  let reason: string;
  const lease = covering(t).sort(
    (a, b) => b.endsAt.getTime() - a.endsAt.getTime(),
  )[0];
  const zone = input.schedule?.timeZone;
  const exception = ref.exceptionDays.find(e => e.from <= t && t < e.to);
  const inside = ref.occurrences.find(o => o.start <= t && t < o.end);
  const warming = ref.occurrences.find(o => o.wake <= t && t < o.start);
  if (input.protected) reason = 'protected stage: never put to sleep';
  else if (lease) reason = `lease until ${lease.endsAt.toISOString()}`;
  else if (!input.schedule) reason = 'no schedule: left as it is set';
  else if (exception)
    reason = `exception ${exception.date}${
      exception.note ? ` (${exception.note})` : ''
    }`;
  else if (inside) reason = describe_(inside.window, zone!);
  else if (warming)
    reason = `pre-warm ${input.schedule.preWarmMinutes} min before ${describe_(
      warming.window,
      zone!,
    )}`;
  else reason = `outside the schedule's windows (${zone})`;

  const now = state(t);
  let nextTransition: { at: Date; state: DesiredPower } | null = null;
  let since: Date | null = null;
  if (!input.protected && input.schedule) {
    const minute = Math.floor(t / MINUTE) * MINUTE;
    for (let m = minute + MINUTE; m <= t + HORIZON; m += MINUTE) {
      if (state(m) !== now) {
        nextTransition = { at: new Date(m), state: state(m) };
        break;
      }
    }
    for (let m = minute; m >= t - HORIZON; m -= MINUTE) {
      if (state(m - MINUTE) !== now) {
        since = new Date(m);
        break;
      }
    }
  }
  return { state: now, reason, nextTransition, since };
}

/** Each zone around its DST changes; Kolkata (+05:30) and UTC have none. */
const SETTINGS: [zone: string, anchor: string][] = [
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  // Midnight is skipped on 2026-09-06 and repeated on 2026-04-04.
  ['America/Santiago', '2026-04-05'],
  ['America/Santiago', '2026-09-06'],
  // A half-hour change.
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['Asia/Kolkata', '2026-06-10'],
  ['UTC', '2026-06-10'],
];

function randomSchedule(
  next: () => number,
  timeZone: string,
  anchor: number,
): Schedule {
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(next() * list.length)];
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(
      2,
      '0',
    )}`;
  const sparse = next() < 0.3;
  const windows: ScheduleWindow[] = Array.from(
    { length: sparse ? 1 : 1 + Math.floor(next() * 6) },
    () => {
      const days = WEEKDAYS.filter(() => next() < (sparse ? 0.2 : 0.5));
      // Quarter hours, so windows often meet or overlap; now and then an odd minute.
      const start = Math.floor(next() * 96) * 15 + (next() < 0.2 ? 7 : 0);
      let end = next() < 0.1 ? 1440 : Math.floor(next() * 96) * 15;
      if (end === start) end = (start + 45) % 1440;
      return {
        days: days.length ? days : [pick(WEEKDAYS)],
        start: hhmm(start),
        end: hhmm(end),
      };
    },
  );
  const exceptions = Array.from({ length: Math.floor(next() * 5) }, (_, i) => ({
    date: new Date(anchor + Math.floor((next() - 0.5) * 24) * DAY)
      .toISOString()
      .slice(0, 10),
    state: next() < 0.5 ? ('awake' as const) : ('asleep' as const),
    ...(i % 2 ? { note: `note ${i}` } : {}),
  }));
  return {
    timeZone,
    windows,
    preWarmMinutes: pick([0, 5, 30, 240]),
    exceptions,
  };
}

describe('desiredPowerState matches a minute-by-minute reference', () => {
  const next = random(20260329);
  const cases = [...SETTINGS, ...SETTINGS].map(([zone, day], i) => {
    const anchor = Date.parse(`${day}T12:00:00Z`);
    return [
      i,
      zone,
      day,
      { anchor, schedule: randomSchedule(next, zone, anchor) },
    ] as const;
  });

  it.each(cases)(
    'schedule %i in %s around %s, at 120 random instants',
    (_, __, ___, { anchor, schedule }) => {
      const ref = paint(schedule, anchor - 22 * DAY, anchor + 22 * DAY);
      for (let q = 0; q < 120; q++) {
        const at = new Date(anchor + Math.floor((next() - 0.5) * 12 * DAY));
        const leases = Array.from(
          { length: next() < 0.3 ? 1 + Math.floor(next() * 2) : 0 },
          () => {
            const start =
              Math.floor((at.getTime() + (next() - 0.7) * 2 * DAY) / MINUTE) *
              MINUTE;
            return {
              startsAt: next() < 0.2 ? undefined : new Date(start),
              endsAt: new Date(start + Math.floor(next() * 3000) * MINUTE),
            };
          },
        );
        const input: DesiredPowerInput = {
          protected: next() < 0.03,
          leases,
          schedule: next() < 0.03 ? undefined : schedule,
          at,
        };
        expect({ at, leases, answer: desiredPowerState(input) }).toEqual({
          at,
          leases,
          answer: referenceAnswer(input, ref),
        });
      }
    },
  );
});
