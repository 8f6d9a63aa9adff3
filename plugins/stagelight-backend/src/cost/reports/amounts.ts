import { CostMonthComparison } from '@stagelight/backstage-plugin-stagelight-common';
import {
  COMPARISON_WINDOWS,
  ComparisonWindow,
  Day,
  MonthWindows,
  roundMoney,
} from '../calendar';
import { DailyRow, GroupAmount } from '../CostStore';
import { DayAmount } from '../forecast';

export const EMPTY_MONTH: CostMonthComparison = {
  monthToDate: null,
  lastMonthToSameDay: null,
  lastMonth: null,
  last30Days: null,
};

/** Daily amounts summed over groups, in day order. */
export function byDay(rows: DailyRow[]): DayAmount[] {
  const map = new Map<Day, number>();
  for (const r of rows) map.set(r.day, (map.get(r.day) ?? 0) + r.amount);
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, amount]) => ({ day, amount }));
}

/** A window's amount, or null when the stored days do not reach back to its start (unknown, not zero). */
export function covered(
  range: [Day, Day],
  firstDay: Day,
  amount: number,
): number | null {
  return range[0] < firstDay ? null : roundMoney(amount);
}

/**
 * Month to date against last month, and the last 30 days, from each window's
 * amount. While the month has no billed day yet its figures are unknown, not
 * zero, and so is the comparison with last month; a window the stored days do
 * not reach back to is unknown too.
 */
export function monthComparison(
  windows: MonthWindows,
  firstDay: Day,
  amount: (window: ComparisonWindow) => number,
): CostMonthComparison {
  const started = windows.monthToDateDays > 0;
  const result = { ...EMPTY_MONTH };
  for (const w of COMPARISON_WINDOWS) {
    const inMonth = w === 'monthToDate' || w === 'lastMonthToSameDay';
    result[w] =
      inMonth && !started ? null : covered(windows[w], firstDay, amount(w));
  }
  return result;
}

export function sumOf(
  groups: GroupAmount[],
  keep: (g: GroupAmount) => boolean,
): number {
  return groups.filter(keep).reduce((s, g) => s + g.amount, 0);
}

/** Cost that carries no stage or no clinic tag: the app's, but nobody's. */
export const isUntagged = (g: { stage: string; clinic: string }) =>
  g.stage === '' || g.clinic === '';
