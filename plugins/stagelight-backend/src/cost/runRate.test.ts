import {
  asleepHourlyRate,
  awakeHourlyRate,
  currentDailyRunRate,
  dayPower,
  PowerSpan,
  powerHours,
} from './runRate';

const t = (iso: string) => Date.parse(iso);
const NOW = t('2026-11-26T12:00:00Z');

// Awake from 20 Nov 00:00 to 23 Nov 06:00, asleep until 25 Nov 00:00, awake since.
const spans: PowerSpan[] = [
  {
    power: 'awake',
    startMs: t('2026-11-20T00:00:00Z'),
    endMs: t('2026-11-23T06:00:00Z'),
  },
  {
    power: 'asleep',
    startMs: t('2026-11-23T06:00:00Z'),
    endMs: t('2026-11-25T00:00:00Z'),
  },
  { power: 'awake', startMs: t('2026-11-25T00:00:00Z'), endMs: null },
];

const daily = [
  { day: '2026-11-19', amount: 50 },
  { day: '2026-11-20', amount: 24 },
  { day: '2026-11-21', amount: 48 },
  { day: '2026-11-22', amount: 24 },
  { day: '2026-11-23', amount: 9 },
  { day: '2026-11-24', amount: 2.4 },
  { day: '2026-11-25', amount: 30 },
];

describe('power history arithmetic', () => {
  it('counts asleep, awake and recorded hours in a window, open spans up to now', () => {
    expect(powerHours(spans, t('2026-11-23T00:00:00Z'), NOW, NOW)).toEqual({
      asleep: 42,
      awake: 6 + 36,
      recorded: 84,
    });
  });

  it('classifies whole days', () => {
    expect(dayPower(spans, '2026-11-19', NOW)).toBe('unrecorded');
    expect(dayPower(spans, '2026-11-21', NOW)).toBe('awake');
    expect(dayPower(spans, '2026-11-23', NOW)).toBe('mixed');
    expect(dayPower(spans, '2026-11-24', NOW)).toBe('asleep');
    // Today is not over yet.
    expect(dayPower(spans, '2026-11-26', NOW)).toBe('unrecorded');
  });

  it('takes the awake rate from fully-awake days', () => {
    const rate = awakeHourlyRate(daily, spans, NOW)!;
    // 20, 21, 22 and 25 November: (24 + 48 + 24 + 30) / 4 / 24.
    expect(rate.hourly).toBeCloseTo(126 / 4 / 24, 10);
    expect(rate.days).toBe(4);
    expect(rate.method).toMatch(/4 fully-awake days/);
  });

  it('takes the asleep rate from fully-asleep days', () => {
    expect(asleepHourlyRate(daily, spans, NOW)!.hourly).toBeCloseTo(0.1, 10);
  });

  it('falls back to stated estimates without history', () => {
    const awake = awakeHourlyRate(daily, [], NOW)!;
    // The costliest quarter of 7 days is 2 days: 50 and 48.
    expect(awake.hourly).toBeCloseTo(49 / 24, 10);
    expect(awake.method).toMatch(/costliest quarter/);
    const asleep = asleepHourlyRate(daily, [], NOW)!;
    expect(asleep.hourly).toBeCloseTo(0.1, 10);
    expect(asleep.method).toMatch(/cheapest/);
    expect(awakeHourlyRate([], [], NOW)).toBeUndefined();
  });

  it('computes the current run rate over the last 28 days with data', () => {
    expect(currentDailyRunRate(daily)).toEqual({ daily: 187.4 / 7, days: 7 });
  });
});
