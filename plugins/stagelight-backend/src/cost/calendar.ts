/**
 * UTC calendar days as Cost Explorer names them (YYYY-MM-DD). Cost Explorer's
 * daily buckets are UTC days, so all cost arithmetic uses them.
 */
export type Day = string;

const DAY_MS = 86_400_000;

export function utcDay(at: Date | number): Day {
  return new Date(at).toISOString().slice(0, 10);
}

export function dayStartMs(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: Day, n: number): Day {
  return utcDay(dayStartMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((dayStartMs(b) - dayStartMs(a)) / DAY_MS);
}

export function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function nextMonthStart(day: Day): Day {
  const d = new Date(dayStartMs(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return utcDay(d);
}

export function previousMonthStart(day: Day): Day {
  const d = new Date(dayStartMs(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() - 1);
  return utcDay(d);
}

export function dayOfMonth(day: Day): number {
  return Number(day.slice(8, 10));
}

/** How many days "the last 30 days" are: the days up to the last day with data. */
export const RECENT_DAYS = 30;

/** Inclusive day ranges for "month to date vs last month", as of `today`, given the last day with data. */
export interface MonthWindows {
  monthToDate: [Day, Day];
  /**
   * Days of the current month that have data: 0 on the first day of a month
   * (Cost Explorer bills a day after it ends) and until its first day is billed.
   */
  monthToDateDays: number;
  /** Empty (from > to) when the current month has no data yet. */
  lastMonthToSameDay: [Day, Day];
  lastMonth: [Day, Day];
  /** The RECENT_DAYS days up to the last day with data: what there is to show while the month is still empty. */
  last30Days: [Day, Day];
}

/** The windows a cost comparison sums, by name. */
export type ComparisonWindow =
  | 'monthToDate'
  | 'lastMonthToSameDay'
  | 'lastMonth'
  | 'last30Days';

export const COMPARISON_WINDOWS: readonly ComparisonWindow[] = [
  'monthToDate',
  'lastMonthToSameDay',
  'lastMonth',
  'last30Days',
];

export function monthWindows(today: Day, lastDataDay: Day): MonthWindows {
  const thisMonth = monthStart(today);
  const prevMonth = previousMonthStart(today);
  const prevMonthEnd = addDays(thisMonth, -1);
  // Compare equal stretches: as many days of last month as this month has data for.
  const coveredDays =
    lastDataDay >= thisMonth
      ? dayOfMonth(lastDataDay < today ? lastDataDay : today)
      : 0;
  const sameDay = addDays(prevMonth, coveredDays - 1);
  const recentEnd = lastDataDay < today ? lastDataDay : today;
  return {
    monthToDate: [thisMonth, today],
    monthToDateDays: coveredDays,
    lastMonthToSameDay: [
      prevMonth,
      sameDay > prevMonthEnd ? prevMonthEnd : sameDay,
    ],
    lastMonth: [prevMonth, prevMonthEnd],
    last30Days: [addDays(recentEnd, -(RECENT_DAYS - 1)), recentEnd],
  };
}

export const roundMoney = (n: number) => Math.round(n * 100) / 100;
export const roundRate = (n: number) => Math.round(n * 10_000) / 10_000;
