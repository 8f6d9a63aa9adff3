import { daysText, scheduleDetailsText, windowText } from './scheduleText';
import { isValidTimeZone, knownTimeZones } from './timeZones';

describe('schedule text', () => {
  it('writes days as ranges in week order', () => {
    expect(daysText(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
    expect(daysText(['fri', 'mon', 'wed'])).toBe('Mon, Wed, Fri');
    expect(daysText(['sat', 'sun'])).toBe('Sat, Sun');
    expect(daysText(['mon', 'tue', 'wed', 'sat', 'sun'])).toBe(
      'Mon–Wed, Sat, Sun',
    );
  });

  it('writes a window, saying when it runs past midnight', () => {
    expect(
      windowText({
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start: '08:00',
        end: '18:00',
      }),
    ).toBe('Mon–Fri 08:00–18:00');
    expect(windowText({ days: ['fri'], start: '22:00', end: '06:00' })).toBe(
      'Fri 22:00–06:00 (to the next day)',
    );
    expect(windowText({ days: ['sat'], start: '10:00', end: '24:00' })).toBe(
      'Sat 10:00–24:00',
    );
  });

  it('sums up the zone, pre-warm and exceptions', () => {
    expect(
      scheduleDetailsText({
        timeZone: 'Europe/Berlin',
        windows: [],
        preWarmMinutes: 5,
        exceptions: [{ date: '2026-12-24', state: 'asleep' }],
      }),
    ).toBe('Europe/Berlin, wakes 5 min early, 1 dated exception');
    expect(
      scheduleDetailsText({
        timeZone: 'UTC',
        windows: [],
        preWarmMinutes: 0,
        exceptions: [],
      }),
    ).toBe('UTC');
  });
});

describe('time zones', () => {
  it('knows IANA zones through Intl', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(' Europe/Berlin')).toBe(false);
    expect(knownTimeZones()).toContain('Europe/Berlin');
  });
});
