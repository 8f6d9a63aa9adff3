import { recentDailyMean, trendForecast } from './forecast';

const days = (from: string, amounts: number[]) =>
  amounts.map((amount, i) => ({
    day: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000)
      .toISOString()
      .slice(0, 10),
    amount,
  }));

describe('trend forecast', () => {
  it('adds the mean of the last 14 days for each day of the month not yet billed', () => {
    // 1..25 November billed at 10/day except the last 14 days at 20/day.
    const daily = days('2026-11-01', [
      ...Array(11).fill(10),
      ...Array(14).fill(20),
    ]);
    const f = trendForecast(daily, '2026-11-26')!;
    expect(f.period).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(f.monthToDate).toBe(11 * 10 + 14 * 20);
    // 26..30 November are not billed yet: 5 days x 20.
    expect(f.remainder).toBe(100);
    expect(f.monthTotal).toBe(490);
  });

  it('counts days without cost inside the window as zero and averages short histories over what exists', () => {
    expect(
      recentDailyMean(
        [
          { day: '2026-11-10', amount: 14 },
          { day: '2026-11-23', amount: 14 },
        ],
        14,
      ),
    ).toBe(2);
    expect(recentDailyMean(days('2026-11-20', [3, 5]), 14)).toBe(4);
    expect(recentDailyMean([], 14)).toBeUndefined();
  });

  it('forecasts the whole month from last month when this month has no data yet', () => {
    const f = trendForecast(
      days('2026-11-17', Array(14).fill(3)),
      '2026-12-01',
    )!;
    expect(f.monthToDate).toBe(0);
    expect(f.remainder).toBe(31 * 3);
  });

  it('has nothing to say without data', () => {
    expect(trendForecast([], '2026-11-26')).toBeUndefined();
  });
});
