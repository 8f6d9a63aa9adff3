import { InputError } from '@backstage/errors';
import {
  Schedule,
  ScheduleWindow,
} from '@stagelight/backstage-plugin-stagelight-common';
import { parseSchedule } from './http/projectionRequest';
import { awakeHoursInMonth, projectMonthlyCost } from './projection';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('parseSchedule', () => {
  const valid = {
    timeZone: 'Europe/Berlin',
    windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
  };

  it('accepts the schedule model, defaulting pre-warm and exceptions', () => {
    expect(parseSchedule(valid)).toEqual({
      ...valid,
      preWarmMinutes: 0,
      exceptions: [],
    });
    // A window ending before it starts runs past midnight.
    expect(
      parseSchedule({
        ...valid,
        windows: [{ days: ['fri'], start: '22:00', end: '06:00' }],
      }).windows,
    ).toHaveLength(1);
  });

  it.each([
    [{ ...valid, timeZone: 'Mars/Olympus_Mons' }, /IANA time zone/],
    [{ ...valid, timeZone: undefined }, /IANA time zone/],
    [{ ...valid, windows: [] }, /at least one window/],
    [{ ...valid, windows: undefined }, /windows must be a list/],
    [
      { ...valid, windows: [{ days: weekdays, start: '8:00', end: '18:00' }] },
      /start must be HH:MM/,
    ],
    [
      { ...valid, windows: [{ days: weekdays, start: '08:00', end: '25:00' }] },
      /end must be HH:MM/,
    ],
    [
      { ...valid, windows: [{ days: weekdays, start: '24:00', end: '08:00' }] },
      /start cannot be 24:00/,
    ],
    [
      { ...valid, windows: [{ days: weekdays, start: '08:00', end: '08:00' }] },
      /is empty/,
    ],
    [
      {
        ...valid,
        windows: [{ days: ['monday'], start: '08:00', end: '18:00' }],
      },
      /unknown day/,
    ],
    [
      { ...valid, windows: [{ days: [], start: '08:00', end: '18:00' }] },
      /days must list at least one/,
    ],
    ['nope', /must be an object/],
  ])('rejects %j', (input, message) => {
    expect(() => parseSchedule(input)).toThrow(InputError);
    expect(() => parseSchedule(input)).toThrow(message);
  });
});

describe('awakeHoursInMonth', () => {
  const schedule = (
    timeZone: string,
    windows: ScheduleWindow[],
    extra: Partial<Schedule> = {},
  ): Schedule => ({
    timeZone,
    windows,
    preWarmMinutes: 0,
    exceptions: [],
    ...extra,
  });
  const office = (timeZone: string) =>
    schedule(timeZone, [
      {
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start: '08:00',
        end: '18:00',
      },
    ]);

  it('counts weekday windows over a month with a DST change in the zone', () => {
    // March 2027 in Berlin: starts on a Monday, 23 weekdays, clocks go forward on the 28th.
    const h = awakeHoursInMonth(
      office('Europe/Berlin'),
      new Date('2027-03-15T12:00:00Z'),
    );
    expect(h.start).toBe('2027-03-01T00:00:00.000+01:00');
    expect(h.end).toBe('2027-04-01T00:00:00.000+02:00');
    expect(h.hoursInMonth).toBe(743);
    expect(h.awakeHours).toBe(230);
    expect(h.asleepHours).toBe(513);
  });

  it('uses the month of the schedule zone, not of UTC', () => {
    // 23:30 UTC on 30 April is already 1 May in Tokyo: May has 21 weekdays in 2027.
    const h = awakeHoursInMonth(
      office('Asia/Tokyo'),
      new Date('2027-04-30T23:30:00Z'),
    );
    expect(h.start).toBe('2027-05-01T00:00:00.000+09:00');
    expect(h.hoursInMonth).toBe(744);
    expect(h.awakeHours).toBe(210);
  });

  it('counts overlapping windows once, honours 24:00, pre-warm and exceptions', () => {
    const shifts = schedule(
      'UTC',
      [
        { days: ['sat'], start: '06:00', end: '14:00' },
        { days: ['sat'], start: '12:00', end: '24:00' },
      ],
      {
        preWarmMinutes: 30,
        exceptions: [{ date: '2026-11-28', state: 'asleep' }],
      },
    );
    const h = awakeHoursInMonth(shifts, new Date('2026-11-26T00:00:00Z'));
    // November 2026 has 4 Saturdays; one is an asleep exception; each other is awake 05:30-24:00.
    expect(h.hoursInMonth).toBe(720);
    expect(h.awakeHours).toBe(3 * 18.5);
  });

  it('counts a window past midnight into the next month only up to the month end', () => {
    // Monday 30 November 2026 22:00 to Tuesday 06:00: 2 hours fall in November.
    const h = awakeHoursInMonth(
      schedule('UTC', [{ days: ['mon'], start: '22:00', end: '06:00' }]),
      new Date('2026-11-10T00:00:00Z'),
    );
    // Mondays 2, 9, 16, 23 give 8 hours each; 30 November gives 2; Sunday 1 November gets none.
    expect(h.awakeHours).toBe(4 * 8 + 2);
  });

  it('counts the real hours of a night the fall-back lengthens, and an awake exception day', () => {
    // October 2026 in Berlin: clocks go back on Sunday the 25th, so that
    // Saturday's night 22:00-06:00 is 9 hours; Saturday the 31st is awake all
    // day, its night running on into November.
    const h = awakeHoursInMonth(
      schedule(
        'Europe/Berlin',
        [{ days: ['sat'], start: '22:00', end: '06:00' }],
        {
          exceptions: [{ date: '2026-10-31', state: 'awake' }],
        },
      ),
      new Date('2026-10-15T12:00:00Z'),
    );
    expect(h.hoursInMonth).toBe(745);
    // Saturdays 3, 10 and 17: 8 hours each; the 24th: 9; the 31st: 24.
    expect(h.awakeHours).toBe(3 * 8 + 9 + 24);
  });
});

describe('projectMonthlyCost', () => {
  it('prices awake and asleep hours and compares with the current run rate', () => {
    const p = projectMonthlyCost(
      { awakeHourly: 1, asleepHourly: 0.1, currentDaily: 24 },
      {
        start: '',
        end: '',
        hoursInMonth: 743,
        awakeHours: 230,
        asleepHours: 513,
      },
    );
    expect(p.projectedMonthly).toBeCloseTo(230 + 51.3, 9);
    expect(p.currentMonthly).toBeCloseTo(743, 9);
    expect(p.savings).toBeCloseTo(743 - 281.3, 9);
  });
});
