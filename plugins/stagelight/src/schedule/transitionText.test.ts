import {
  atText,
  inText,
  transitionText,
  zoneCity,
  zoneTimeText,
} from './transitionText';

// 2026-06-10 is a Wednesday; Berlin is UTC+2 in summer.
const NOW = Date.parse('2026-06-10T13:50:00Z'); // 15:50 in Berlin

describe('transition text', () => {
  it('names a zone by its city', () => {
    expect(zoneCity('Europe/Berlin')).toBe('Berlin');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
    expect(zoneCity('Etc/UTC')).toBe('UTC');
  });

  it('writes a wall-clock time in the zone', () => {
    expect(
      zoneTimeText(Date.parse('2026-06-10T16:00:00Z'), 'Europe/Berlin'),
    ).toBe('18:00 Berlin time');
    expect(zoneTimeText(Date.parse('2026-06-10T16:00:00Z'), 'UTC')).toBe(
      '16:00 UTC',
    );
  });

  it('says today, tomorrow or the date, by the calendar of the zone', () => {
    expect(
      atText(Date.parse('2026-06-10T16:00:00Z'), NOW, 'Europe/Berlin'),
    ).toBe('at 18:00 Berlin time');
    // 06:00 UTC on the 11th is 08:00 on Thursday in Berlin.
    expect(
      atText(Date.parse('2026-06-11T06:00:00Z'), NOW, 'Europe/Berlin'),
    ).toBe('tomorrow at 08:00 Berlin time');
    expect(
      atText(Date.parse('2026-06-15T06:00:00Z'), NOW, 'Europe/Berlin'),
    ).toBe('on Mon 15 Jun at 08:00 Berlin time');
    // 23:30 UTC is already tomorrow in Berlin.
    expect(
      atText(Date.parse('2026-06-10T23:30:00Z'), NOW, 'Europe/Berlin'),
    ).toBe('tomorrow at 01:30 Berlin time');
  });

  it('says how long until then, rounded up to the minute', () => {
    expect(inText(NOW + 2 * 3_600_000 + 10 * 60_000, NOW)).toBe(
      'in 2 h 10 min',
    );
    expect(inText(NOW + 2 * 3_600_000, NOW)).toBe('in 2 h');
    expect(inText(NOW + 4 * 60_000 + 1, NOW)).toBe('in 5 min');
    expect(inText(NOW + 30_000, NOW)).toBe('in under a minute');
    expect(inText(NOW + 3 * 86_400_000 + 4 * 3_600_000, NOW)).toBe(
      'in 3 d 4 h',
    );
    expect(inText(NOW - 1, NOW)).toBe('now');
  });

  it('writes the next transition in words', () => {
    expect(
      transitionText(
        { at: '2026-06-10T16:00:00Z', state: 'asleep' },
        NOW,
        'Europe/Berlin',
      ),
    ).toBe('sleeps at 18:00 Berlin time, in 2 h 10 min');
    expect(
      transitionText(
        { at: '2026-06-11T06:00:00Z', state: 'awake' },
        NOW,
        'Europe/Berlin',
      ),
    ).toBe('wakes tomorrow at 08:00 Berlin time, in 16 h 10 min');
  });
});
