import type { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import {
  draftOf,
  draftProblems,
  newException,
  newWindow,
  ScheduleDraft,
  scheduleOf,
  withDay,
} from './scheduleDraft';

const twoShifts: Schedule = {
  timeZone: 'Europe/Berlin',
  windows: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '15:00' },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '23:00' },
  ],
  preWarmMinutes: 5,
  exceptions: [{ date: '2026-12-24', state: 'asleep', note: 'Christmas' }],
};

function valid(overrides: Partial<ScheduleDraft> = {}): ScheduleDraft {
  return { ...draftOf(twoShifts, 'UTC'), ...overrides };
}

describe('schedule drafts', () => {
  it('round-trips a schedule with overlapping shifts', () => {
    const draft = draftOf(twoShifts, 'UTC');
    expect(draft.preWarmMinutes).toBe('5');
    expect(draftProblems(draft)).toEqual([]);
    expect(scheduleOf(draft)).toEqual(twoShifts);
  });

  it('starts from office hours on workdays in the given zone', () => {
    const draft = draftOf(null, 'America/New_York');
    expect(draft).toEqual({
      timeZone: 'America/New_York',
      windows: [newWindow()],
      preWarmMinutes: '0',
      exceptions: [],
    });
    expect(newWindow()).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '08:00',
      end: '18:00',
    });
  });

  it('sorts days into week order and drops empty notes when saving', () => {
    const draft = valid({
      windows: [{ days: ['fri', 'mon'], start: '22:00', end: '06:00' }],
      exceptions: [newException('2026-12-31')],
    });
    expect(scheduleOf(draft)).toEqual({
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon', 'fri'], start: '22:00', end: '06:00' }],
      preWarmMinutes: 5,
      exceptions: [{ date: '2026-12-31', state: 'asleep' }],
    });
  });

  it('accepts an empty window list (always asleep) and aliases such as UTC', () => {
    expect(draftProblems(valid({ windows: [], timeZone: 'UTC' }))).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = draftProblems({
      timeZone: 'Mars/Olympus_Mons',
      windows: [
        { days: [], start: '08:00', end: '18:00' },
        { days: ['mon'], start: '09:00', end: '09:00' },
        { days: ['tue'], start: '', end: '25:00' },
        { days: ['sat', 'sun'], start: '10:00', end: '12:00' },
        { days: ['sun', 'sat'], start: '10:00', end: '12:00' },
      ],
      preWarmMinutes: '241',
      exceptions: [
        newException('2026-02-30'),
        newException('2026-12-24'),
        newException('2026-12-24'),
      ],
    });
    expect(problems).toEqual([
      'Time zone "Mars/Olympus_Mons" is not an IANA time zone such as Europe/Berlin',
      'Window 1 needs at least one day',
      'Window 2 is empty: it starts and ends at 09:00',
      'Window 3 needs a start time HH:MM',
      'Window 3 needs a end time HH:MM',
      'Window 5 repeats window 4',
      'Pre-warm must be a whole number of minutes from 0 to 240',
      'Exception 1 needs a date',
      'Exception 3 repeats the date 2026-12-24',
    ]);
  });

  it.each(['', '-1', '2.5', 'ten'])('rejects pre-warm %p', preWarm => {
    expect(draftProblems(valid({ preWarmMinutes: preWarm }))).toEqual([
      'Pre-warm must be a whole number of minutes from 0 to 240',
    ]);
  });

  it('rejects a window starting at 24:00 but allows ending then', () => {
    expect(
      draftProblems(
        valid({ windows: [{ days: ['mon'], start: '24:00', end: '08:00' }] }),
      ),
    ).toEqual(['Window 1 cannot start at 24:00']);
    expect(
      draftProblems(
        valid({ windows: [{ days: ['mon'], start: '18:00', end: '24:00' }] }),
      ),
    ).toEqual([]);
  });
});

describe('withDay', () => {
  it('adds a day in week order, once', () => {
    expect(withDay(['fri', 'mon'], 'wed', true)).toEqual(['mon', 'wed', 'fri']);
    expect(withDay(['mon'], 'mon', true)).toEqual(['mon']);
  });

  it('removes a day', () => {
    expect(withDay(['mon', 'wed', 'fri'], 'wed', false)).toEqual([
      'mon',
      'fri',
    ]);
    expect(withDay(['mon'], 'tue', false)).toEqual(['mon']);
  });
});
