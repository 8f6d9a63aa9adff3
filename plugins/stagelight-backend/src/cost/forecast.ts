import {
  addDays,
  Day,
  daysBetween,
  monthStart,
  nextMonthStart,
} from './calendar';

/** A day's cost (one environment, or summed over a stage). */
export interface DayAmount {
  day: Day;
  amount: number;
}

/** Days of history the trend averages: two whole weeks, so weekend sleep weighs as much as it does in a month. */
export const TREND_DAYS = 14;

export const TREND_METHOD = `trend: mean daily cost of the last ${TREND_DAYS} days with data x the days of the month left after them`;
export const AWS_FORECAST_METHOD =
  'aws-cost-forecast: month to date from Cost Explorer plus GetCostForecast (UNBLENDED_COST) for the rest of the month';

export interface MonthForecast {
  period: { start: Day; end: Day };
  monthToDate: number;
  remainder: number;
  monthTotal: number;
}

export function sumInRange(daily: DayAmount[], from: Day, to: Day): number {
  let sum = 0;
  for (const d of daily) if (d.day >= from && d.day <= to) sum += d.amount;
  return sum;
}

/** Mean daily cost over the `days` days ending at the last day with data (missing days cost nothing). */
export function recentDailyMean(
  daily: DayAmount[],
  days: number,
): number | undefined {
  if (daily.length === 0) return undefined;
  let first = daily[0].day;
  let last = daily[0].day;
  for (const d of daily) {
    if (d.day < first) first = d.day;
    if (d.day > last) last = d.day;
  }
  // A shorter history averages over what there is.
  const span = Math.min(days, daysBetween(first, last) + 1);
  const from = addDays(last, -(span - 1));
  return sumInRange(daily, from, last) / span;
}

/** The current month as the trend sees it: actuals so far plus the recent mean for each day not yet billed. */
export function trendForecast(
  daily: DayAmount[],
  today: Day,
): MonthForecast | undefined {
  const mean = recentDailyMean(daily, TREND_DAYS);
  if (mean === undefined) return undefined;
  const start = monthStart(today);
  const end = nextMonthStart(today);
  const last = daily.reduce((m, d) => (d.day > m ? d.day : m), daily[0].day);
  const firstUnbilled = last >= start ? addDays(last, 1) : start;
  const remainingDays = Math.max(0, daysBetween(firstUnbilled, end));
  const monthToDate = sumInRange(daily, start, addDays(end, -1));
  const remainder = mean * remainingDays;
  return {
    period: { start, end },
    monthToDate,
    remainder,
    monthTotal: monthToDate + remainder,
  };
}
