import { monthWindows, nextMonthStart, previousMonthStart } from './calendar';

describe('monthWindows', () => {
  it('compares month to date with the same stretch of last month', () => {
    expect(monthWindows('2026-11-26', '2026-11-25')).toEqual({
      monthToDate: ['2026-11-01', '2026-11-26'],
      monthToDateDays: 25,
      lastMonthToSameDay: ['2026-10-01', '2026-10-25'],
      lastMonth: ['2026-10-01', '2026-10-31'],
      last30Days: ['2026-10-27', '2026-11-25'],
    });
  });

  it('clamps the same day to the end of a shorter last month', () => {
    expect(monthWindows('2027-03-31', '2027-03-30').lastMonthToSameDay).toEqual(
      ['2027-02-01', '2027-02-28'],
    );
  });

  it('compares nothing of last month while this month has no data yet', () => {
    const w = monthWindows('2026-12-01', '2026-11-30');
    expect(w.lastMonthToSameDay[0] > w.lastMonthToSameDay[1]).toBe(true);
    expect(w.lastMonth).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('on the first of a month has no day of it yet, and the last 30 days end with the last one billed', () => {
    const w = monthWindows('2026-12-01', '2026-11-30');
    expect(w.monthToDateDays).toBe(0);
    expect(w.last30Days).toEqual(['2026-11-01', '2026-11-30']);
    // Still empty on the second when Cost Explorer has not billed the first yet.
    expect(monthWindows('2026-12-02', '2026-11-30').monthToDateDays).toBe(0);
    expect(monthWindows('2026-12-02', '2026-12-01').monthToDateDays).toBe(1);
  });

  it('never lets the last 30 days run past today', () => {
    expect(monthWindows('2026-11-10', '2026-11-10').last30Days).toEqual([
      '2026-10-12',
      '2026-11-10',
    ]);
  });

  it('walks months across the year end', () => {
    expect(nextMonthStart('2026-12-15')).toBe('2027-01-01');
    expect(previousMonthStart('2027-01-31')).toBe('2026-12-01');
  });
});
