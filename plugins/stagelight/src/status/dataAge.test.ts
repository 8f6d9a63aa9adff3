import {
  currentAgeSeconds,
  formatAge,
  isStale,
  snapshotAges,
  STALE_AFTER_SECONDS,
} from './dataAge';

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [40.9, '40 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h'],
    [86_399, '23 h'],
    [86_400 * 3 + 5, '3 d'],
    [-4, '0 s'],
  ])('%p seconds reads %p', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});

describe('isStale', () => {
  it('is stale only past the threshold', () => {
    expect(isStale(STALE_AFTER_SECONDS)).toBe(false);
    expect(isStale(STALE_AFTER_SECONDS + 1)).toBe(true);
    expect(isStale(61, 60)).toBe(true);
  });
});

describe('currentAgeSeconds', () => {
  it('adds the time since the answer arrived to the reported age', () => {
    expect(currentAgeSeconds(40, 1_000_000, 1_015_000)).toBe(55);
  });

  it('never goes below the reported age when the clock runs behind', () => {
    expect(currentAgeSeconds(40, 1_000_000, 990_000)).toBe(40);
  });
});

describe('snapshotAges', () => {
  it('ages the snapshot by the time since its answer arrived', () => {
    expect(snapshotAges(40, 1_000_000, 1_015_000)).toEqual({
      elapsedSeconds: 15,
      snapshotAgeSeconds: 55,
    });
  });

  it('has no snapshot age before the first refresh, nor elapsed time before an answer', () => {
    expect(snapshotAges(null, undefined, 1_015_000)).toEqual({
      elapsedSeconds: 0,
      snapshotAgeSeconds: null,
    });
  });
});
