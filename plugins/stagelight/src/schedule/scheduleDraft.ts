import {
  Schedule,
  ScheduleException,
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { isValidTimeZone } from './timeZones';

/**
 * The longest pre-warm lead the backend accepts (its MAX_PRE_WARM_MINUTES);
 * checked here too so the form can say so before saving.
 */
export const MAX_PRE_WARM_MINUTES = 240;

export interface WindowDraft {
  days: Weekday[];
  start: string;
  end: string;
}

export interface ExceptionDraft {
  date: string;
  state: ScheduleException['state'];
  note: string;
}

/** The schedule as the form edits it: numbers stay text until saved. */
export interface ScheduleDraft {
  timeZone: string;
  windows: WindowDraft[];
  preWarmMinutes: string;
  exceptions: ExceptionDraft[];
}

const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A new window: office hours on workdays. */
export function newWindow(): WindowDraft {
  return { days: [...WORKDAYS], start: '08:00', end: '18:00' };
}

/** The days with `day` switched on or off, kept in week order. */
export function withDay(days: Weekday[], day: Weekday, on: boolean): Weekday[] {
  return on
    ? WEEKDAYS.filter(d => d === day || days.includes(d))
    : days.filter(d => d !== day);
}

export function newException(date: string): ExceptionDraft {
  return { date, state: 'asleep', note: '' };
}

/** The form's starting point: the schedule in force, else office hours in the given zone. */
export function draftOf(
  schedule: Schedule | null,
  defaultTimeZone: string,
): ScheduleDraft {
  if (!schedule) {
    return {
      timeZone: defaultTimeZone,
      windows: [newWindow()],
      preWarmMinutes: '0',
      exceptions: [],
    };
  }
  return {
    timeZone: schedule.timeZone,
    windows: schedule.windows.map(w => ({ ...w, days: [...w.days] })),
    preWarmMinutes: String(schedule.preWarmMinutes),
    exceptions: schedule.exceptions.map(e => ({
      date: e.date,
      state: e.state,
      note: e.note ?? '',
    })),
  };
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date
  );
}

/**
 * What is wrong with a draft, in words, mirroring the backend's checks so
 * most mistakes are caught before saving; the backend still has the last word.
 */
export function draftProblems(draft: ScheduleDraft): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(draft.timeZone)) {
    problems.push(
      `Time zone "${draft.timeZone}" is not an IANA time zone such as Europe/Berlin`,
    );
  }
  const seen = new Map<string, number>();
  draft.windows.forEach((w, i) => {
    const at = `Window ${i + 1}`;
    if (w.days.length === 0) problems.push(`${at} needs at least one day`);
    const times = [
      ['start', w.start],
      ['end', w.end],
    ] as const;
    for (const [name, value] of times) {
      if (!HHMM.test(value)) problems.push(`${at} needs a ${name} time HH:MM`);
    }
    if (w.start === '24:00') problems.push(`${at} cannot start at 24:00`);
    if (HHMM.test(w.start) && HHMM.test(w.end) && w.start === w.end) {
      problems.push(`${at} is empty: it starts and ends at ${w.start}`);
    }
    const key = `${[...w.days].sort().join(',')}|${w.start}|${w.end}`;
    const previous = seen.get(key);
    if (previous !== undefined && w.days.length > 0) {
      problems.push(`${at} repeats window ${previous + 1}`);
    } else seen.set(key, i);
  });
  const preWarm = Number(draft.preWarmMinutes);
  if (
    draft.preWarmMinutes.trim() === '' ||
    !Number.isInteger(preWarm) ||
    preWarm < 0 ||
    preWarm > MAX_PRE_WARM_MINUTES
  ) {
    problems.push(
      `Pre-warm must be a whole number of minutes from 0 to ${MAX_PRE_WARM_MINUTES}`,
    );
  }
  const dates = new Set<string>();
  draft.exceptions.forEach((e, i) => {
    const at = `Exception ${i + 1}`;
    if (!isRealDate(e.date)) {
      problems.push(`${at} needs a date`);
    } else if (dates.has(e.date)) {
      problems.push(`${at} repeats the date ${e.date}`);
    }
    dates.add(e.date);
  });
  return problems;
}

/** The schedule to save; call only when draftProblems found nothing. */
export function scheduleOf(draft: ScheduleDraft): Schedule {
  return {
    timeZone: draft.timeZone,
    // Days in week order, whatever order they were ticked in.
    windows: draft.windows.map(w => ({
      days: WEEKDAYS.filter(d => w.days.includes(d)),
      start: w.start,
      end: w.end,
    })),
    preWarmMinutes: Number(draft.preWarmMinutes),
    exceptions: draft.exceptions.map(e => ({
      date: e.date,
      state: e.state,
      ...(e.note.trim() ? { note: e.note.trim() } : {}),
    })),
  };
}
