import { extendableHours, isLeaseRunning } from './lease';

/** The backend's default stagelight.power.maxLeaseHours. */
const MAX = 12;

const NOW = Date.parse('2026-11-26T10:00:00.000Z');

describe('extendableHours', () => {
  it('offers hours until the new end would pass the cap from now', () => {
    // Ends in 2 h: at most 10 more hours keep it within 12 h of now.
    expect(
      extendableHours({ endsAt: '2026-11-26T12:00:00.000Z' }, NOW, MAX),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('rounds a partial hour of room down', () => {
    expect(
      extendableHours({ endsAt: '2026-11-26T20:30:00.000Z' }, NOW, MAX),
    ).toEqual([1]);
  });

  it('offers nothing when the lease already reaches the cap', () => {
    expect(
      extendableHours({ endsAt: '2026-11-26T21:30:00.000Z' }, NOW, MAX),
    ).toEqual([]);
    expect(
      extendableHours({ endsAt: '2026-11-26T22:00:00.000Z' }, NOW, MAX),
    ).toEqual([]);
  });

  it('never offers more than the cap, and honours a smaller one', () => {
    expect(
      extendableHours({ endsAt: '2026-11-26T09:00:00.000Z' }, NOW, MAX),
    ).toHaveLength(MAX);
    expect(
      extendableHours({ endsAt: '2026-11-26T11:00:00.000Z' }, NOW, 4),
    ).toEqual([1, 2, 3]);
  });
});

describe('isLeaseRunning', () => {
  const lease = {
    startsAt: '2026-11-26T09:00:00.000Z',
    endsAt: '2026-11-26T11:00:00.000Z',
  };

  it('holds between its start and its end', () => {
    expect(isLeaseRunning(lease, NOW)).toBe(true);
    expect(isLeaseRunning(lease, Date.parse(lease.endsAt))).toBe(false);
    expect(isLeaseRunning(lease, Date.parse('2026-11-26T08:00:00Z'))).toBe(
      false,
    );
    expect(isLeaseRunning(null, NOW)).toBe(false);
  });
});
