import {
  MAX_SCHEDULE_EXCEPTIONS,
  MAX_SCHEDULE_WINDOWS,
  validateSchedule,
} from './validateSchedule';

const ok = {
  timeZone: 'Europe/Berlin',
  windows: [
    { days: ['mon', 'tue'], start: '07:00', end: '16:00' },
    { days: ['mon', 'tue'], start: '14:00', end: '23:00' },
    { days: ['fri'], start: '22:00', end: '06:00' },
    { days: ['sat'], start: '10:00', end: '24:00' },
  ],
  preWarmMinutes: 5,
  exceptions: [{ date: '2026-12-25', state: 'asleep', note: 'Christmas' }],
};

function messageOf(input: unknown, what?: string): string {
  try {
    validateSchedule(input, what);
  } catch (error) {
    expect((error as Error).name).toBe('InputError');
    return (error as Error).message;
  }
  throw new Error('expected the schedule to be rejected');
}

describe('validateSchedule', () => {
  it('accepts overlapping shifts, overnight windows and 24:00 and fills defaults', () => {
    expect(validateSchedule(ok)).toEqual(ok);
    expect(validateSchedule({ timeZone: 'UTC', windows: [] })).toEqual({
      timeZone: 'UTC',
      windows: [],
      preWarmMinutes: 0,
      exceptions: [],
    });
  });

  it('names an unknown time zone', () => {
    expect(messageOf({ ...ok, timeZone: 'Europe/Atlantis' })).toContain(
      'schedule.timeZone must be an IANA time zone such as Europe/Berlin, got "Europe/Atlantis"',
    );
  });

  it('rejects malformed HH:MM', () => {
    const m = messageOf({
      ...ok,
      windows: [{ days: ['mon'], start: '8:00', end: '25:00' }],
    });
    expect(m).toContain('schedule.windows[0].start must be HH:MM');
    expect(m).toContain('schedule.windows[0].end must be HH:MM');
  });

  it('rejects empty windows, unknown days and repeated windows', () => {
    expect(
      messageOf({
        ...ok,
        windows: [{ days: ['mon'], start: '08:00', end: '08:00' }],
      }),
    ).toContain('schedule.windows[0] is empty');
    expect(
      messageOf({
        ...ok,
        windows: [{ days: [], start: '08:00', end: '09:00' }],
      }),
    ).toContain('must list at least one of mon');
    expect(
      messageOf({
        ...ok,
        windows: [{ days: ['monday'], start: '08:00', end: '09:00' }],
      }),
    ).toContain('unknown day(s) monday');
    const w = { days: ['mon'], start: '08:00', end: '09:00' };
    expect(messageOf({ ...ok, windows: [w, { ...w }] })).toContain(
      'windows[1] repeats windows[0]',
    );
  });

  it('rejects a bad pre-warm lead, bad exceptions and unknown fields, listing all', () => {
    const m = messageOf({
      ...ok,
      preWarmMinutes: -5,
      exceptions: [
        { date: '2026-02-30', state: 'asleep' },
        { date: '2026-12-25', state: 'off' },
        { date: '2026-12-25', state: 'awake' },
      ],
      colour: 'red',
    });
    expect(m).toContain('preWarmMinutes must be a whole number from 0 to 240');
    expect(m).toContain('exceptions[0].date must be a date YYYY-MM-DD');
    expect(m).toContain('exceptions[1].state must be awake or asleep');
    expect(m).toContain('exceptions lists 2026-12-25 twice');
    expect(m).toContain('unknown field(s) colour');
  });

  it('rejects non-objects', () => {
    expect(messageOf('always')).toContain('schedule must be an object');
  });

  it('accepts the largest schedule and names the list that is too long', () => {
    const windows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        days: ['mon'],
        start: `${String(Math.floor(i / 4)).padStart(2, '0')}:${String(
          (i % 4) * 15,
        ).padStart(2, '0')}`,
        end: '23:59',
      }));
    const exceptions = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        date: new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10),
        state: 'asleep',
      }));
    const largest = {
      ...ok,
      windows: windows(MAX_SCHEDULE_WINDOWS),
      exceptions: exceptions(MAX_SCHEDULE_EXCEPTIONS),
    };
    expect(validateSchedule(largest).windows).toHaveLength(64);
    expect(validateSchedule(largest).exceptions).toHaveLength(366);

    const m = messageOf({
      ...largest,
      windows: windows(65),
      exceptions: exceptions(367),
    });
    expect(m).toContain(
      'schedule.windows must list at most 64 windows, got 65',
    );
    expect(m).toContain(
      'schedule.exceptions must list at most 366 exceptions, got 367',
    );
    expect(
      messageOf({ ...largest, windows: windows(65) }, 'stage schedule'),
    ).toContain('stage schedule.windows must list at most 64 windows');
  });
});
