import { Schedule } from '@stagelight/backstage-plugin-stagelight-common';
import { desiredPowerState } from './desiredPowerState';
import { everyDay, schedule, weekdays } from './__testUtils__/schedules';

function at(
  iso: string,
  s: Schedule,
  extra: {
    leases?: { startsAt?: string; endsAt: string }[];
    protected?: boolean;
  } = {},
) {
  return desiredPowerState({
    protected: extra.protected ?? false,
    leases: (extra.leases ?? []).map(l => ({
      startsAt: l.startsAt ? new Date(l.startsAt) : undefined,
      endsAt: new Date(l.endsAt),
    })),
    schedule: s,
    at: new Date(iso),
  });
}

describe('desiredPowerState', () => {
  describe('Europe/Berlin DST', () => {
    const office = schedule({
      windows: [{ days: everyDay, start: '08:00', end: '18:00' }],
    });

    it('wakes at 08:00 local on the spring-forward day (06:00Z, not 07:00Z)', () => {
      const before = at('2026-03-28T20:00:00Z', office);
      expect(before.state).toBe('asleep');
      expect(before.nextTransition).toEqual({
        at: new Date('2026-03-29T06:00:00Z'),
        state: 'awake',
      });
      expect(before.since).toEqual(new Date('2026-03-28T17:00:00Z'));
      expect(at('2026-03-29T05:59:00Z', office).state).toBe('asleep');
      expect(at('2026-03-29T06:00:00Z', office).state).toBe('awake');
    });

    it('runs a window across midnight through the spring-forward gap', () => {
      const night = schedule({
        windows: [{ days: ['sat'], start: '22:00', end: '06:00' }],
      });
      expect(at('2026-03-28T20:59:00Z', night).state).toBe('asleep');
      const inside = at('2026-03-29T01:30:00Z', night);
      expect(inside.state).toBe('awake');
      expect(inside.reason).toContain('sat 22:00-06:00');
      // 06:00 CEST is 04:00Z: the window was 7 real hours long.
      expect(inside.nextTransition).toEqual({
        at: new Date('2026-03-29T04:00:00Z'),
        state: 'asleep',
      });
      expect(inside.since).toEqual(new Date('2026-03-28T21:00:00Z'));
    });

    it('wakes at 08:00 local on the fall-back day (07:00Z) and the night is an hour longer', () => {
      const before = at('2026-10-24T18:00:00Z', office);
      expect(before.nextTransition).toEqual({
        at: new Date('2026-10-25T07:00:00Z'),
        state: 'awake',
      });
      const night = schedule({
        windows: [{ days: ['sat'], start: '22:00', end: '06:00' }],
      });
      const inside = at('2026-10-25T01:30:00Z', night);
      expect(inside.state).toBe('awake');
      expect(inside.since).toEqual(new Date('2026-10-24T20:00:00Z'));
      expect(inside.nextTransition?.at).toEqual(
        new Date('2026-10-25T05:00:00Z'),
      );
    });
  });

  describe('America/New_York DST', () => {
    const ny = schedule({
      timeZone: 'America/New_York',
      windows: [{ days: weekdays, start: '09:00', end: '17:00' }],
    });

    it('moves the UTC start an hour earlier after 2026-03-08', () => {
      expect(at('2026-03-06T13:59:00Z', ny).state).toBe('asleep');
      expect(at('2026-03-06T14:00:00Z', ny).state).toBe('awake');
      const sunday = at('2026-03-08T12:00:00Z', ny);
      expect(sunday.nextTransition).toEqual({
        at: new Date('2026-03-09T13:00:00Z'),
        state: 'awake',
      });
    });

    it('starts a window at a skipped wall time once the clock has jumped', () => {
      const early = schedule({
        timeZone: 'America/New_York',
        windows: [{ days: ['sun'], start: '02:30', end: '04:00' }],
      });
      // 02:30 does not exist on 2026-03-08 (02:00 EST -> 03:00 EDT = 07:00Z).
      expect(at('2026-03-08T06:59:00Z', early).state).toBe('asleep');
      expect(at('2026-03-08T07:45:00Z', early).state).toBe('awake');
      expect(at('2026-03-08T08:00:00Z', early).state).toBe('asleep');
    });

    it('ends an overnight window at 09:00 EST on 2026-11-01', () => {
      const night = schedule({
        timeZone: 'America/New_York',
        windows: [{ days: ['sat'], start: '17:00', end: '09:00' }],
      });
      const inside = at('2026-11-01T05:30:00Z', night);
      expect(inside.state).toBe('awake');
      expect(inside.since).toEqual(new Date('2026-10-31T21:00:00Z'));
      expect(inside.nextTransition).toEqual({
        at: new Date('2026-11-01T14:00:00Z'),
        state: 'asleep',
      });
    });
  });

  it('treats overlapping EU and US shifts as one awake span', () => {
    const shifts = schedule({
      windows: [
        { days: weekdays, start: '07:00', end: '16:00' },
        { days: weekdays, start: '14:00', end: '23:00' },
      ],
    });
    // Wednesday 2026-06-10, CEST (+2).
    const morning = at('2026-06-10T08:00:00Z', shifts);
    expect(morning.state).toBe('awake');
    expect(morning.nextTransition).toEqual({
      at: new Date('2026-06-10T21:00:00Z'),
      state: 'asleep',
    });
    expect(at('2026-06-10T14:30:00Z', shifts).reason).toContain('14:00-23:00');
    expect(at('2026-06-10T21:00:00Z', shifts).state).toBe('asleep');
  });

  it('wakes the pre-warm lead before a window starts', () => {
    const s = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
      preWarmMinutes: 5,
    });
    const before = at('2026-06-10T05:54:00Z', s);
    expect(before.state).toBe('asleep');
    expect(before.nextTransition).toEqual({
      at: new Date('2026-06-10T05:55:00Z'),
      state: 'awake',
    });
    const warming = at('2026-06-10T05:57:00Z', s);
    expect(warming.state).toBe('awake');
    expect(warming.reason).toContain('pre-warm 5 min');
    expect(warming.since).toEqual(new Date('2026-06-10T05:55:00Z'));
  });

  it('applies dated exceptions for the whole local day', () => {
    const s = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
      exceptions: [
        { date: '2026-12-25', state: 'asleep', note: 'Christmas' },
        { date: '2026-12-26', state: 'awake', note: 'release' },
      ],
    });
    const thursday = at('2026-12-24T10:00:00Z', s);
    expect(thursday.state).toBe('awake');
    expect(thursday.nextTransition?.at).toEqual(
      new Date('2026-12-24T17:00:00Z'),
    );
    const holiday = at('2026-12-25T10:00:00Z', s);
    expect(holiday).toMatchObject({
      state: 'asleep',
      reason: 'exception 2026-12-25 (Christmas)',
    });
    // Saturday 26th is forced awake from local midnight (23:00Z on the 25th) to the next.
    expect(holiday.nextTransition).toEqual({
      at: new Date('2026-12-25T23:00:00Z'),
      state: 'awake',
    });
    expect(at('2026-12-26T22:59:00Z', s).state).toBe('awake');
    expect(at('2026-12-26T23:00:00Z', s).state).toBe('asleep');
  });

  it('lets a lease override the schedule until it ends', () => {
    const s = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
    });
    const lease = {
      startsAt: '2026-06-13T09:00:00Z',
      endsAt: '2026-06-13T11:00:00Z',
    };
    const during = at('2026-06-13T10:00:00Z', s, { leases: [lease] });
    expect(during.state).toBe('awake');
    expect(during.reason).toBe('lease until 2026-06-13T11:00:00.000Z');
    expect(during.since).toEqual(new Date(lease.startsAt));
    expect(during.nextTransition).toEqual({
      at: new Date(lease.endsAt),
      state: 'asleep',
    });
    const after = at('2026-06-13T11:30:00Z', s, { leases: [lease] });
    expect(after.state).toBe('asleep');
    expect(after.since).toEqual(new Date(lease.endsAt));
  });

  it('keeps a lease running into a window awake through both', () => {
    const s = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
    });
    const r = at('2026-06-10T05:00:00Z', s, {
      leases: [
        { startsAt: '2026-06-10T04:00:00Z', endsAt: '2026-06-10T07:00:00Z' },
      ],
    });
    expect(r.nextTransition).toEqual({
      at: new Date('2026-06-10T16:00:00Z'),
      state: 'asleep',
    });
  });

  it('looks past a weekend for the next transition', () => {
    const s = schedule({
      windows: [{ days: weekdays, start: '08:00', end: '18:00' }],
    });
    // Saturday noon; the last window ended Friday 18:00 CEST, the next starts Monday 08:00.
    const r = at('2026-06-13T10:00:00Z', s);
    expect(r).toMatchObject({
      state: 'asleep',
      since: new Date('2026-06-12T16:00:00Z'),
      nextTransition: { at: new Date('2026-06-15T06:00:00Z'), state: 'awake' },
    });
    const longWeekend = at(
      '2026-06-13T10:00:00Z',
      schedule({
        windows: [{ days: ['wed'], start: '08:00', end: '09:00' }],
      }),
    );
    expect(longWeekend.since).toEqual(new Date('2026-06-10T07:00:00Z'));
    expect(longWeekend.nextTransition?.at).toEqual(
      new Date('2026-06-17T06:00:00Z'),
    );
  });

  it('keeps protected stages awake whatever the schedule says', () => {
    const s = schedule({
      windows: [],
      exceptions: [{ date: '2026-06-10', state: 'asleep' }],
    });
    expect(at('2026-06-10T12:00:00Z', s, { protected: true })).toEqual({
      state: 'awake',
      reason: 'protected stage: never put to sleep',
      nextTransition: null,
      since: null,
    });
  });

  it('sleeps all the time with no windows and wakes only by exception', () => {
    const s = schedule({ windows: [] });
    const r = at('2026-06-10T12:00:00Z', s);
    expect(r).toMatchObject({
      state: 'asleep',
      nextTransition: null,
      since: null,
    });
  });

  it('is awake and never transitions without a schedule', () => {
    const r = desiredPowerState({
      protected: false,
      leases: [],
      at: new Date('2026-06-10T12:00:00Z'),
    });
    expect(r).toMatchObject({
      state: 'awake',
      nextTransition: null,
      since: null,
    });
  });

  describe('on the timeline', () => {
    it('sees adjacent windows and a lease meeting a window as one awake run', () => {
      const s = schedule({
        windows: [
          { days: ['mon'], start: '08:00', end: '12:00' },
          { days: ['mon'], start: '12:00', end: '18:00' },
        ],
      });
      // Monday 2026-06-15, CEST.
      const r = at('2026-06-15T09:00:00Z', s, {
        leases: [
          { startsAt: '2026-06-15T16:00:00Z', endsAt: '2026-06-15T19:00:00Z' },
        ],
      });
      expect(r).toMatchObject({
        state: 'awake',
        since: new Date('2026-06-15T06:00:00Z'),
        nextTransition: {
          at: new Date('2026-06-15T19:00:00Z'),
          state: 'asleep',
        },
      });
      expect(at('2026-06-15T10:00:00Z', s).nextTransition?.at).toEqual(
        new Date('2026-06-15T16:00:00Z'),
      );
    });

    it('finds the next transition across days without windows, up to the two-week horizon', () => {
      const wednesdays = schedule({
        windows: [{ days: ['wed'], start: '08:00', end: '09:00' }],
      });
      const thursday = '2026-06-11T12:00:00Z';
      expect(at(thursday, wednesdays)).toMatchObject({
        state: 'asleep',
        since: new Date('2026-06-10T07:00:00Z'),
        nextTransition: {
          at: new Date('2026-06-17T06:00:00Z'),
          state: 'awake',
        },
      });
      const skipOne = {
        ...wednesdays,
        exceptions: [{ date: '2026-06-17', state: 'asleep' as const }],
      };
      expect(at(thursday, skipOne).nextTransition?.at).toEqual(
        new Date('2026-06-24T06:00:00Z'),
      );
      // The one after is 19 days ahead: past the horizon.
      const skipTwo = {
        ...wednesdays,
        exceptions: [
          { date: '2026-06-17', state: 'asleep' as const },
          { date: '2026-06-24', state: 'asleep' as const },
        ],
      };
      expect(at(thursday, skipTwo).nextTransition).toBeNull();
      // The horizon includes its last instant.
      expect(at('2026-06-24T07:00:00.000Z', skipTwo).since).toEqual(
        new Date('2026-06-10T07:00:00Z'),
      );
      expect(at('2026-06-24T07:00:00.001Z', skipTwo).since).toBeNull();
    });

    it('lets an exception override a window at the local day boundary, DST day included', () => {
      const s = schedule({
        windows: [{ days: ['sat'], start: '22:00', end: '06:00' }],
        exceptions: [{ date: '2026-03-29', state: 'asleep', note: 'DST' }],
      });
      const inside = at('2026-03-28T22:00:00Z', s);
      expect(inside).toMatchObject({
        state: 'awake',
        since: new Date('2026-03-28T21:00:00Z'),
        nextTransition: {
          at: new Date('2026-03-28T23:00:00Z'),
          state: 'asleep',
        },
      });
      expect(at('2026-03-29T01:00:00Z', s).reason).toBe(
        'exception 2026-03-29 (DST)',
      );
    });
  });
});
