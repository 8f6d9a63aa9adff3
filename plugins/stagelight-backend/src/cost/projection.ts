import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { DateTime } from 'luxon';
import { scheduleTimeline } from '../schedule';

export interface AwakeHours {
  /** The month, in the schedule's zone, as ISO instants. */
  start: string;
  end: string;
  hoursInMonth: number;
  awakeHours: number;
  asleepHours: number;
}

const HOUR_MS = 3_600_000;

/**
 * Awake hours the schedule gives over the calendar month containing `now` in
 * its zone, summed over the same timeline the scheduler obeys (so pre-warm
 * leads, exceptions, windows past midnight and DST days count as they will be
 * enforced).
 */
export function awakeHoursInMonth(schedule: Schedule, now: Date): AwakeHours {
  const monthStart = DateTime.fromJSDate(now, {
    zone: schedule.timeZone,
  }).startOf('month');
  const monthEnd = monthStart.plus({ months: 1 });
  const awakeMs = scheduleTimeline(
    schedule,
    monthStart.toMillis(),
    monthEnd.toMillis(),
  ).awakeMs();
  const hoursInMonth = monthEnd.diff(monthStart, 'hours').hours;
  const awakeHours = awakeMs / HOUR_MS;
  return {
    start: monthStart.toISO()!,
    end: monthEnd.toISO()!,
    hoursInMonth,
    awakeHours,
    asleepHours: hoursInMonth - awakeHours,
  };
}

/** One environment's rates, as derived from its cost and power history. */
export interface EnvironmentRates {
  awakeHourly: number;
  asleepHourly: number;
  /** Mean daily cost now (last 28 days). */
  currentDaily: number;
}

export interface ProjectedCost {
  currentMonthly: number;
  projectedMonthly: number;
  savings: number;
}

/**
 * monthly = awake hours x awake rate + asleep hours x asleep rate;
 * current = daily run rate x days in the month; savings = current - projected.
 */
export function projectMonthlyCost(
  rates: EnvironmentRates,
  hours: AwakeHours,
): ProjectedCost {
  const projectedMonthly =
    hours.awakeHours * rates.awakeHourly +
    hours.asleepHours * rates.asleepHourly;
  const currentMonthly = rates.currentDaily * (hours.hoursInMonth / 24);
  return {
    currentMonthly,
    projectedMonthly,
    savings: currentMonthly - projectedMonthly,
  };
}
