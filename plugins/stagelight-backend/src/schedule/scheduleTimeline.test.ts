import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { scheduleStateAt, scheduleTimeline } from './scheduleTimeline';

import { everyDay, schedule, weekdays } from './__testUtils__/schedules';

/** The awake intervals over [from, to), as ISO instants. */
function awake(s: Schedule, from: string, to: string) {
  return scheduleTimeline(s, Date.parse(from), Date.parse(to)).intervals.map(
    i => [new Date(i.from).toISOString(), new Date(i.to).toISOString()],
  );
}

const HOUR = 3_600_000;

describe('scheduleTimeline', () => {
  describe('DST', () => {
    const office = schedule({
      windows: [{ days: everyDay, start: '08:00', end: '18:00' }],
    });

    it('keeps local hours in Europe/Berlin across spring-forward and fall-back', () => {
      expect(
        awake(office, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'),
      ).toEqual([
        ['2026-03-28T07:00:00.000Z', '2026-03-28T17:00:00.000Z'],
        ['2026-03-29T06:00:00.000Z', '2026-03-29T16:00:00.000Z'],
      ]);
      expect(
        awake(office, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'),
      ).toEqual([
        ['2026-10-24T06:00:00.000Z', '2026-10-24T16:00:00.000Z'],
        ['2026-10-25T07:00:00.000Z', '2026-10-25T17:00:00.000Z'],
      ]);
    });

    it('counts the real hours of nights that DST shortens or lengthens', () => {
      const night = schedule({
        windows: [{ days: ['sat'], start: '22:00', end: '06:00' }],
      });
      const hours = (from: string, to: string) =>
        scheduleTimeline(night, Date.parse(from), Date.parse(to)).awakeMs() /
        HOUR;
      expect(hours('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toBe(7);
      expect(hours('2026-06-13T12:00:00Z', '2026-06-14T12:00:00Z')).toBe(8);
      expect(hours('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toBe(9);
    });

    it('places America/New_York windows through the skipped and the repeated hour', () => {
      const ny = (windows: Schedule['windows']) =>
        schedule({ timeZone: 'America/New_York', windows });
      // 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 01:00-04:00 is two real hours.
      expect(
        awake(
          ny([{ days: ['sun'], start: '01:00', end: '04:00' }]),
          '2026-03-08T00:00:00Z',
          '2026-03-09T00:00:00Z',
        ),
      ).toEqual([['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']]);
      // A start DST skips is moved past the jump, as luxon does (02:30 -> 03:30 EDT).
      expect(
        awake(
          ny([{ days: ['sun'], start: '02:30', end: '04:00' }]),
          '2026-03-08T00:00:00Z',
          '2026-03-09T00:00:00Z',
        ),
      ).toEqual([['2026-03-08T07:30:00.000Z', '2026-03-08T08:00:00.000Z']]);
      // 2026-11-01: 02:00 EDT falls back to 01:00 EST, so 00:00-03:00 is four real hours.
      expect(
        awake(
          ny([{ days: ['sun'], start: '00:00', end: '03:00' }]),
          '2026-11-01T00:00:00Z',
          '2026-11-02T00:00:00Z',
        ),
      ).toEqual([['2026-11-01T04:00:00.000Z', '2026-11-01T08:00:00.000Z']]);
    });

    it('adds only the pre-warm lead for a window DST leaves ending before its start', () => {
      // 02:30 becomes 03:30 EDT, after the 03:00 end.
      const s = schedule({
        timeZone: 'America/New_York',
        windows: [{ days: ['sun'], start: '02:30', end: '03:00' }],
        preWarmMinutes: 30,
      });
      expect(awake(s, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([
        ['2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z'],
      ]);
      expect(
        awake(
          { ...s, preWarmMinutes: 0 },
          '2026-03-08T00:00:00Z',
          '2026-03-09T00:00:00Z',
        ),
      ).toEqual([]);
    });
  });

  it('runs a window past midnight into the next day, and 24:00 to the next midnight', () => {
    const s = schedule({
      timeZone: 'UTC',
      windows: [
        { days: ['fri'], start: '22:00', end: '06:00' },
        { days: ['tue'], start: '20:00', end: '24:00' },
      ],
    });
    expect(awake(s, '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z')).toEqual([
      ['2026-06-09T20:00:00.000Z', '2026-06-10T00:00:00.000Z'],
      ['2026-06-12T22:00:00.000Z', '2026-06-13T06:00:00.000Z'],
    ]);
    // From the Sunday before: the window of the Friday before it ended on Saturday.
    expect(awake(s, '2026-06-13T03:00:00Z', '2026-06-13T12:00:00Z')).toEqual([
      ['2026-06-13T03:00:00.000Z', '2026-06-13T06:00:00.000Z'],
    ]);
  });

  it('merges overlapping and adjacent windows, across midnight too, into one interval', () => {
    const s = schedule({
      timeZone: 'UTC',
      windows: [
        { days: ['mon'], start: '08:00', end: '12:00' },
        { days: ['mon'], start: '12:00', end: '18:00' },
        { days: ['mon'], start: '17:00', end: '24:00' },
        { days: ['tue'], start: '00:00', end: '02:00' },
      ],
    });
    expect(awake(s, '2026-06-08T00:00:00Z', '2026-06-10T00:00:00Z')).toEqual([
      ['2026-06-08T08:00:00.000Z', '2026-06-09T02:00:00.000Z'],
    ]);
  });

  it('wakes the pre-warm lead before each window, joining windows closer than the lead', () => {
    const s = schedule({
      timeZone: 'UTC',
      windows: [
        { days: ['mon'], start: '08:00', end: '10:00' },
        { days: ['mon'], start: '10:20', end: '12:00' },
        { days: ['mon'], start: '14:00', end: '15:00' },
        // Its lead starts the evening before.
        { days: ['tue'], start: '00:10', end: '01:00' },
      ],
      preWarmMinutes: 30,
    });
    expect(awake(s, '2026-06-08T00:00:00Z', '2026-06-10T00:00:00Z')).toEqual([
      ['2026-06-08T07:30:00.000Z', '2026-06-08T12:00:00.000Z'],
      ['2026-06-08T13:30:00.000Z', '2026-06-08T15:00:00.000Z'],
      ['2026-06-08T23:40:00.000Z', '2026-06-09T01:00:00.000Z'],
    ]);
  });

  describe('exceptions', () => {
    const s = schedule({
      windows: [
        { days: ['fri'], start: '22:00', end: '06:00' },
        { days: ['sun'], start: '10:00', end: '12:00' },
      ],
      preWarmMinutes: 60,
    });

    it('force their whole local day asleep, cutting a window past midnight and a pre-warm lead', () => {
      // Saturday 2026-06-13 asleep: Friday's night ends at local midnight (22:00Z).
      const holiday = {
        ...s,
        exceptions: [{ date: '2026-06-13', state: 'asleep' as const }],
      };
      expect(
        awake(holiday, '2026-06-12T00:00:00Z', '2026-06-15T00:00:00Z'),
      ).toEqual([
        ['2026-06-12T19:00:00.000Z', '2026-06-12T22:00:00.000Z'],
        ['2026-06-14T07:00:00.000Z', '2026-06-14T10:00:00.000Z'],
      ]);
      const sunday = {
        ...s,
        windows: [{ days: ['sun' as const], start: '00:30', end: '02:00' }],
        exceptions: [{ date: '2026-06-13', state: 'asleep' as const }],
      };
      // Sunday's lead would start on the asleep Saturday: it waits for midnight.
      expect(
        awake(sunday, '2026-06-13T00:00:00Z', '2026-06-15T00:00:00Z'),
      ).toEqual([['2026-06-13T22:00:00.000Z', '2026-06-14T00:00:00.000Z']]);
    });

    it('force their whole local day awake, joining the windows on either side', () => {
      const release = {
        ...s,
        exceptions: [{ date: '2026-06-13', state: 'awake' as const }],
      };
      expect(
        awake(release, '2026-06-12T00:00:00Z', '2026-06-15T00:00:00Z'),
      ).toEqual([
        ['2026-06-12T19:00:00.000Z', '2026-06-13T22:00:00.000Z'],
        ['2026-06-14T07:00:00.000Z', '2026-06-14T10:00:00.000Z'],
      ]);
      expect(
        scheduleStateAt(release, Date.parse('2026-06-13T03:00:00Z')),
      ).toEqual({
        state: 'awake',
        reason: 'exception 2026-06-13',
      });
    });

    it('cover 23 or 25 hours on a DST day', () => {
      const dst = schedule({
        exceptions: [
          { date: '2026-03-29', state: 'awake' },
          { date: '2026-10-25', state: 'awake' },
        ],
      });
      const hours = (from: string, to: string) =>
        scheduleTimeline(dst, Date.parse(from), Date.parse(to)).awakeMs() /
        HOUR;
      expect(hours('2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toBe(23);
      expect(hours('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toBe(25);
    });

    it('end at the next local midnight where DST skips midnight (America/Santiago)', () => {
      // 2026-09-06 00:00 does not exist in Santiago: the day runs from 01:00 -03 (04:00Z)
      // to the next midnight, 2026-09-07 00:00 -03 (03:00Z), 23 hours.
      const santiago = schedule({
        timeZone: 'America/Santiago',
        windows: [{ days: ['mon'], start: '00:00', end: '02:00' }],
        exceptions: [{ date: '2026-09-06', state: 'asleep' }],
      });
      expect(
        scheduleStateAt(santiago, Date.parse('2026-09-07T03:30:00Z')).reason,
      ).toBe('window mon 00:00-02:00 America/Santiago');
      expect(
        awake(santiago, '2026-09-06T00:00:00Z', '2026-09-08T00:00:00Z'),
      ).toEqual([['2026-09-07T03:00:00.000Z', '2026-09-07T05:00:00.000Z']]);
    });
  });

  it('counts a year of an office week as its hours, DST changes included', () => {
    const office = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
    });
    // 2026 has 261 weekdays.
    expect(
      scheduleTimeline(
        office,
        Date.parse('2025-12-31T23:00:00Z'),
        Date.parse('2026-12-31T23:00:00Z'),
      ).awakeMs() / HOUR,
    ).toBe(2610);
  });

  it('is asleep throughout in a zone it does not know, as no window can be placed', () => {
    const s = schedule({
      timeZone: 'Europe/Atlantis',
      windows: [{ days: everyDay, start: '00:00', end: '24:00' }],
    });
    expect(awake(s, '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual(
      [],
    );
    expect(scheduleStateAt(s, Date.parse('2026-06-03T00:00:00Z')).state).toBe(
      'asleep',
    );
  });
});
