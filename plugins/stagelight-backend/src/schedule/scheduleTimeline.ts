import {
  DesiredPower,
  Schedule,
  ScheduleException,
  ScheduleWindow,
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Span, Timeline } from './Timeline';
import { minutesOf } from './validateSchedule';
import { calendarOf, LocalDay, wallTime, ZoneCalendar } from './ZoneCalendar';

const MINUTE_MS = 60_000;

interface WeeklyWindow {
  window: ScheduleWindow;
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

/** A schedule read once into what evaluating it needs. */
interface CompiledSchedule {
  calendar: ZoneCalendar | undefined;
  preWarmMs: number;
  /** The windows starting on each weekday, in the schedule's order. */
  windowsOn: Map<Weekday, WeeklyWindow[]>;
  /** The first exception for each date, as the schedule lists them. */
  exceptionOn: Map<string, ScheduleException>;
}

interface Compiled {
  compiled: CompiledSchedule;
  /**
   * What the schedule held when compiled, so one whose lists or fields were
   * replaced is compiled again. Schedules are values (validateSchedule and the
   * stores hand out new ones); a window edited in place would go unnoticed.
   */
  windows: ScheduleWindow[];
  windowCount: number;
  exceptions: ScheduleException[];
  exceptionCount: number;
  timeZone: string;
  preWarmMinutes: number;
}

/**
 * Compiled schedules, by schedule object: the scheduler evaluates a stage's
 * default schedule for every environment of the stage at every pass, and
 * parsing its windows and exceptions again each time would cost more than
 * evaluating it.
 */
const compiledSchedules = new WeakMap<Schedule, Compiled>();

function compile(schedule: Schedule): CompiledSchedule {
  const known = compiledSchedules.get(schedule);
  if (
    known &&
    known.windows === schedule.windows &&
    known.windowCount === schedule.windows.length &&
    known.exceptions === schedule.exceptions &&
    known.exceptionCount === schedule.exceptions.length &&
    known.timeZone === schedule.timeZone &&
    known.preWarmMinutes === schedule.preWarmMinutes
  ) {
    return known.compiled;
  }
  const windowsOn = new Map<Weekday, WeeklyWindow[]>(
    WEEKDAYS.map(d => [d, []]),
  );
  for (const window of schedule.windows) {
    const weekly = {
      window,
      start: minutesOf(window.start),
      end: minutesOf(window.end),
    };
    for (const day of WEEKDAYS) {
      if (window.days.includes(day)) windowsOn.get(day)!.push(weekly);
    }
  }
  const exceptionOn = new Map<string, ScheduleException>();
  for (const e of schedule.exceptions) {
    if (!exceptionOn.has(e.date)) exceptionOn.set(e.date, e);
  }
  const compiled = {
    calendar: calendarOf(schedule.timeZone),
    preWarmMs: schedule.preWarmMinutes * MINUTE_MS,
    windowsOn,
    exceptionOn,
  };
  compiledSchedules.set(schedule, {
    compiled,
    windows: schedule.windows,
    windowCount: schedule.windows.length,
    exceptions: schedule.exceptions,
    exceptionCount: schedule.exceptions.length,
    timeZone: schedule.timeZone,
    preWarmMinutes: schedule.preWarmMinutes,
  });
  return compiled;
}

/**
 * Each window starting on each of `days` but the last, in order of day and
 * then of the schedule, placed as instants; the last day is where windows
 * past midnight end. Calls back rather than returning a list, as this runs
 * for every window of every day evaluated.
 */
function eachOccurrence(
  schedule: CompiledSchedule,
  days: readonly LocalDay[],
  visit: (window: ScheduleWindow, startAt: number, endAt: number) => void,
) {
  for (let i = 0; i < days.length - 1; i++) {
    const day = days[i];
    for (const { window, start, end } of schedule.windowsOn.get(day.weekday)!) {
      visit(
        window,
        wallTime(day, start),
        // An end at or before the start is on the next local day.
        end > start ? wallTime(day, end) : wallTime(days[i + 1], end),
      );
    }
  }
}

/**
 * The schedule's desired state over [from, to) as a timeline: each window on
 * each local day of its zone (DST days included), preceded by the pre-warm
 * lead, then the dated exceptions forcing their whole local days.
 */
export function scheduleTimeline(
  schedule: Schedule,
  from: number,
  to: number,
): Timeline {
  const compiled = compile(schedule);
  if (!compiled.calendar) return Timeline.of(from, to, []);
  // A day before: its windows run past midnight. A day after: its pre-warm
  // leads start the evening before. One more after, where its windows end.
  const days = compiled.calendar.daysAround(from, to - 1, 1, 2);
  const awake: Span[] = [];
  eachOccurrence(compiled, days, (_, startAt, endAt) =>
    // Awake from the pre-warm on; a window DST leaves ending before its start adds only the lead.
    awake.push({
      from: startAt - compiled.preWarmMs,
      to: Math.max(startAt, endAt),
    }),
  );
  const overrides: { span: Span; state: DesiredPower }[] = [];
  for (const day of days) {
    const e = compiled.exceptionOn.get(day.date);
    if (e)
      overrides.push({
        span: { from: day.start, to: day.end },
        state: e.state,
      });
  }
  return Timeline.of(from, to, awake).overriddenBy(overrides);
}

function describeWindow(w: ScheduleWindow, zone: string) {
  return `window ${w.days.join(',')} ${w.start}-${w.end} ${zone}`;
}

/**
 * The schedule's desired state at `t` and why: the exception for the local
 * day if there is one, else the first window (in the schedule's order) that
 * covers `t`, else the first whose pre-warm lead does.
 */
export function scheduleStateAt(
  schedule: Schedule,
  t: number,
): { state: DesiredPower; reason: string } {
  const zone = schedule.timeZone;
  const compiled = compile(schedule);
  const days = compiled.calendar?.daysAround(t, t, 1, 2) ?? [];
  const e = days.length ? compiled.exceptionOn.get(days[1].date) : undefined;
  if (e) {
    return {
      state: e.state,
      reason: `exception ${e.date}${e.note ? ` (${e.note})` : ''}`,
    };
  }
  // The day before (past midnight), the day (its windows), the day after
  // (pre-warm leads): the first window covering t, else the first lead.
  let inside: ScheduleWindow | undefined;
  let warming: ScheduleWindow | undefined;
  eachOccurrence(compiled, days, (window, startAt, endAt) => {
    if (!inside && startAt <= t && t < endAt) inside = window;
    if (!warming && startAt - compiled.preWarmMs <= t && t < startAt) {
      warming = window;
    }
  });
  if (inside) {
    return { state: 'awake', reason: describeWindow(inside, zone) };
  }
  if (warming) {
    return {
      state: 'awake',
      reason: `pre-warm ${schedule.preWarmMinutes} min before ${describeWindow(
        warming,
        zone,
      )}`,
    };
  }
  return {
    state: 'asleep',
    reason: `outside the schedule's windows (${zone})`,
  };
}
