import { PowerState } from '@stagelight/backstage-plugin-stagelight-common';
import { addDays, Day, dayStartMs, daysBetween } from './calendar';
import { DayAmount } from './forecast';

/** A stretch of one power state; `endMs` null means it is still the current state. */
export interface PowerSpan {
  power: PowerState;
  startMs: number;
  endMs: number | null;
}

/** States in which the environment's compute is off (what sleeping saves). */
export const ASLEEP_STATES: readonly PowerState[] = ['asleep', 'paused'];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A day counts as fully recorded when the history misses at most this much of it (refresh gaps). */
const COVERAGE_TOLERANCE_MS = 15 * 60_000;
/** Days of history the fallback estimates look at. */
export const FALLBACK_DAYS = 28;

function overlapMs(
  span: PowerSpan,
  fromMs: number,
  toMs: number,
  nowMs: number,
) {
  const end = span.endMs ?? nowMs;
  return Math.max(0, Math.min(end, toMs) - Math.max(span.startMs, fromMs));
}

/** Hours in [fromMs, toMs) spent in an asleep state, and hours the history covers at all. */
export function powerHours(
  spans: PowerSpan[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): { asleep: number; awake: number; recorded: number } {
  let asleep = 0;
  let awake = 0;
  let recorded = 0;
  for (const s of spans) {
    const ms = overlapMs(s, fromMs, toMs, nowMs);
    recorded += ms;
    if (ASLEEP_STATES.includes(s.power)) asleep += ms;
    else if (s.power === 'awake') awake += ms;
  }
  return {
    asleep: asleep / HOUR_MS,
    awake: awake / HOUR_MS,
    recorded: recorded / HOUR_MS,
  };
}

export type DayPower = 'awake' | 'asleep' | 'mixed' | 'unrecorded';

/** What the power history says about a whole UTC day. */
export function dayPower(
  spans: PowerSpan[],
  day: Day,
  nowMs: number,
): DayPower {
  const from = dayStartMs(day);
  const to = from + DAY_MS;
  if (to > nowMs) return 'unrecorded';
  const h = powerHours(spans, from, to, nowMs);
  if (h.recorded * HOUR_MS < DAY_MS - COVERAGE_TOLERANCE_MS)
    return 'unrecorded';
  if ((h.recorded - h.awake) * HOUR_MS <= COVERAGE_TOLERANCE_MS) return 'awake';
  if ((h.recorded - h.asleep) * HOUR_MS <= COVERAGE_TOLERANCE_MS)
    return 'asleep';
  return 'mixed';
}

export interface HourlyRate {
  hourly: number;
  /** How it was derived, in words. */
  method: string;
  /** Days the rate rests on. */
  days: number;
}

function lastDays(daily: DayAmount[], count: number): DayAmount[] {
  if (daily.length === 0) return [];
  const last = daily.reduce((m, d) => (d.day > m ? d.day : m), daily[0].day);
  const from = addDays(last, -(count - 1));
  const byDay = new Map<Day, number>();
  for (const d of daily) {
    if (d.day >= from) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.amount);
  }
  const first = daily.reduce((m, d) => (d.day < m ? d.day : m), daily[0].day);
  const start = first > from ? first : from;
  const out: DayAmount[] = [];
  for (let i = 0; i <= daysBetween(start, last); i++) {
    const day = addDays(start, i);
    out.push({ day, amount: byDay.get(day) ?? 0 });
  }
  return out;
}

function meanOfDays(daily: DayAmount[], days: Set<Day>) {
  let sum = 0;
  for (const d of daily) if (days.has(d.day)) sum += d.amount;
  return sum / days.size;
}

/** Days with cost data whose power history is entirely `state`. */
function daysInState(
  daily: DayAmount[],
  spans: PowerSpan[],
  state: DayPower,
  nowMs: number,
) {
  const days = new Set<Day>();
  for (const d of daily) {
    if (!days.has(d.day) && dayPower(spans, d.day, nowMs) === state)
      days.add(d.day);
  }
  return days;
}

/** The mean daily cost on days the power history shows wholly in `state`, / 24; none without such days. */
function rateOnFullDays(
  daily: DayAmount[],
  spans: PowerSpan[],
  state: 'awake' | 'asleep',
  nowMs: number,
): HourlyRate | undefined {
  const days = daysInState(daily, spans, state, nowMs);
  if (days.size === 0) return undefined;
  return {
    hourly: meanOfDays(daily, days) / 24,
    method: `mean daily cost on ${days.size} fully-${state} days (from the power history) / 24`,
    days: days.size,
  };
}

/**
 * The cost of an awake hour: the mean daily cost on days the history shows the
 * environment awake all day, / 24. Without such days, the mean of the costliest
 * quarter of the last 28 days (the days most likely awake), / 24.
 */
export function awakeHourlyRate(
  daily: DayAmount[],
  spans: PowerSpan[],
  nowMs: number,
): HourlyRate | undefined {
  const measured = rateOnFullDays(daily, spans, 'awake', nowMs);
  if (measured) return measured;
  const recent = lastDays(daily, FALLBACK_DAYS);
  if (recent.length === 0) return undefined;
  const top = [...recent]
    .sort((a, b) => b.amount - a.amount)
    .slice(0, Math.max(1, Math.ceil(recent.length / 4)));
  return {
    hourly: top.reduce((s, d) => s + d.amount, 0) / top.length / 24,
    method: `no fully-awake day in the power history yet: mean of the costliest quarter (${top.length}) of the last ${recent.length} days / 24`,
    days: top.length,
  };
}

/**
 * The cost of an asleep hour (the storage floor: buckets, logs, a stopped
 * database's storage): the mean daily cost on fully-asleep days, / 24. Without
 * such days, the cheapest of the last 28 days, / 24.
 */
export function asleepHourlyRate(
  daily: DayAmount[],
  spans: PowerSpan[],
  nowMs: number,
): HourlyRate | undefined {
  const measured = rateOnFullDays(daily, spans, 'asleep', nowMs);
  if (measured) return measured;
  const recent = lastDays(daily, FALLBACK_DAYS);
  if (recent.length === 0) return undefined;
  const cheapest = Math.min(...recent.map(d => d.amount));
  return {
    hourly: cheapest / 24,
    method: `no fully-asleep day in the power history yet: the cheapest of the last ${recent.length} days / 24`,
    days: 1,
  };
}

/** Mean daily cost of the last 28 days with data: the current run rate. */
export function currentDailyRunRate(
  daily: DayAmount[],
): { daily: number; days: number } | undefined {
  const recent = lastDays(daily, FALLBACK_DAYS);
  if (recent.length === 0) return undefined;
  return {
    daily: recent.reduce((s, d) => s + d.amount, 0) / recent.length,
    days: recent.length,
  };
}
