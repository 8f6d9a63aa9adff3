/** What a missing amount reads as: never "$0", which would claim a known zero. */
export const NO_DATA = 'no data';

/** An amount in the backend's currency, or "no data" when the amount is unknown. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return NO_DATA;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** What a change reads as when both sides are nothing: there is nothing to compare, not "±0%". */
export const NOTHING_TO_COMPARE = 'nothing to compare';

/** Month to date against last month to the same day, in words; "no data" when either side is unknown. */
export function formatChange(
  monthToDate: number | null,
  lastMonthToSameDay: number | null,
): string {
  if (monthToDate === null || lastMonthToSameDay === null) return NO_DATA;
  if (lastMonthToSameDay === 0) {
    return monthToDate === 0 ? NOTHING_TO_COMPARE : 'new';
  }
  const percent = Math.round(
    ((monthToDate - lastMonthToSameDay) / lastMonthToSameDay) * 100,
  );
  let sign = '±';
  if (percent > 0) sign = '+';
  if (percent < 0) sign = '−';
  return `${sign}${Math.abs(percent)}%`;
}
