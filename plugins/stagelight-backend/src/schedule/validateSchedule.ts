import { InputError } from '@backstage/errors';
import {
  Schedule,
  ScheduleException,
  ScheduleWindow,
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime, IANAZone } from 'luxon';

/** The longest pre-warm lead accepted: a window's wake should not start the day before. */
export const MAX_PRE_WARM_MINUTES = 240;

/**
 * The largest schedule accepted: far more windows than any rota of shifts
 * needs, and an exception for every day of a leap year. Evaluating a
 * schedule is linear in both; bench/schedule.ts times one of this size.
 */
/** A value as an error names it: short, whatever was sent (errors never echo a whole input). */
function excerpt(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export const MAX_SCHEDULE_WINDOWS = 64;
export const MAX_SCHEDULE_EXCEPTIONS = 366;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight of an HH:MM string (24:00 is 1440). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function windowProblems(w: unknown, at: string): string[] {
  if (!isObject(w)) return [`${at} must be an object with days, start and end`];
  const problems: string[] = [];
  if (!Array.isArray(w.days) || w.days.length === 0) {
    problems.push(
      `${at}.days must list at least one of ${WEEKDAYS.join(', ')}`,
    );
  } else {
    const bad = w.days.filter(d => !WEEKDAYS.includes(d as Weekday));
    if (bad.length) {
      problems.push(
        `${at}.days has unknown day(s) ${bad
          .map(String)
          .join(', ')}; use ${WEEKDAYS.join(', ')}`,
      );
    }
    if (new Set(w.days).size !== w.days.length) {
      problems.push(`${at}.days lists a day twice`);
    }
  }
  for (const key of ['start', 'end'] as const) {
    const value = w[key];
    if (typeof value !== 'string' || !HHMM.test(value)) {
      problems.push(
        `${at}.${key} must be HH:MM (00:00-23:59${
          key === 'end' ? ' or 24:00' : ''
        }), got ${excerpt(value)}`,
      );
    }
  }
  if (
    !problems.length &&
    minutesOf(w.start as string) === minutesOf(w.end as string)
  ) {
    problems.push(
      `${at} is empty: start and end are both ${w.start}; a window must cover some time`,
    );
  }
  if (typeof w.start === 'string' && w.start === '24:00') {
    problems.push(`${at}.start cannot be 24:00; use 00:00`);
  }
  return problems;
}

function exceptionProblems(e: unknown, at: string): string[] {
  if (!isObject(e)) return [`${at} must be an object with date and state`];
  const problems: string[] = [];
  if (
    typeof e.date !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(e.date) ||
    !DateTime.fromISO(e.date).isValid
  ) {
    problems.push(
      `${at}.date must be a date YYYY-MM-DD, got ${excerpt(e.date)}`,
    );
  }
  if (e.state !== 'awake' && e.state !== 'asleep') {
    problems.push(`${at}.state must be awake or asleep`);
  }
  if (e.note !== undefined && typeof e.note !== 'string') {
    problems.push(`${at}.note must be a string`);
  }
  return problems;
}

/** The same window twice is almost always a paste error; overlapping ones are fine (EU and US shifts). */
function windowKey(w: ScheduleWindow) {
  return `${[...w.days].sort().join(',')}|${w.start}|${w.end}`;
}

/**
 * Checks a schedule from a request or config and returns it typed. Every
 * problem is listed in one InputError so the user can fix them at once.
 */
export function validateSchedule(input: unknown, what = 'schedule'): Schedule {
  if (!isObject(input)) {
    throw new InputError(`${what} must be an object with timeZone and windows`);
  }
  const problems: string[] = [];
  if (
    typeof input.timeZone !== 'string' ||
    !IANAZone.isValidZone(input.timeZone)
  ) {
    problems.push(
      `${what}.timeZone must be an IANA time zone such as Europe/Berlin, got ${excerpt(
        input.timeZone,
      )}`,
    );
  }
  const windows = input.windows;
  if (!Array.isArray(windows)) {
    problems.push(`${what}.windows must be a list (empty means always asleep)`);
  } else if (windows.length > MAX_SCHEDULE_WINDOWS) {
    problems.push(
      `${what}.windows must list at most ${MAX_SCHEDULE_WINDOWS} windows, got ${windows.length}`,
    );
  } else {
    windows.forEach((w, i) =>
      problems.push(...windowProblems(w, `${what}.windows[${i}]`)),
    );
    if (!problems.length) {
      const seen = new Map<string, number>();
      (windows as ScheduleWindow[]).forEach((w, i) => {
        const key = windowKey(w);
        if (seen.has(key)) {
          problems.push(
            `${what}.windows[${i}] repeats windows[${seen.get(key)}]`,
          );
        } else seen.set(key, i);
      });
    }
  }
  const preWarm = input.preWarmMinutes ?? 0;
  if (
    typeof preWarm !== 'number' ||
    !Number.isInteger(preWarm) ||
    preWarm < 0 ||
    preWarm > MAX_PRE_WARM_MINUTES
  ) {
    problems.push(
      `${what}.preWarmMinutes must be a whole number from 0 to ${MAX_PRE_WARM_MINUTES}`,
    );
  }
  const exceptions = input.exceptions ?? [];
  if (!Array.isArray(exceptions)) {
    problems.push(`${what}.exceptions must be a list`);
  } else if (exceptions.length > MAX_SCHEDULE_EXCEPTIONS) {
    problems.push(
      `${what}.exceptions must list at most ${MAX_SCHEDULE_EXCEPTIONS} exceptions, got ${exceptions.length}`,
    );
  } else {
    exceptions.forEach((e, i) =>
      problems.push(...exceptionProblems(e, `${what}.exceptions[${i}]`)),
    );
    const dates = exceptions
      .filter(isObject)
      .map(e => e.date)
      .filter(d => typeof d === 'string');
    const duplicate = dates.find((d, i) => dates.indexOf(d) !== i);
    if (duplicate) {
      problems.push(`${what}.exceptions lists ${duplicate} twice`);
    }
  }
  const unknown = Object.keys(input).filter(
    k => !['timeZone', 'windows', 'preWarmMinutes', 'exceptions'].includes(k),
  );
  if (unknown.length) {
    problems.push(`${what} has unknown field(s) ${unknown.join(', ')}`);
  }
  if (problems.length) {
    throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
  }
  return {
    timeZone: input.timeZone as string,
    windows: (windows as ScheduleWindow[]).map(w => ({
      days: [...w.days],
      start: w.start,
      end: w.end,
    })),
    preWarmMinutes: preWarm as number,
    exceptions: (exceptions as ScheduleException[]).map(e => ({
      date: e.date,
      state: e.state,
      ...(e.note !== undefined ? { note: e.note } : {}),
    })),
  };
}
