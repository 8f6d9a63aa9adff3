import { shortMarker } from './deployMarker';

describe('shortMarker', () => {
  it('keeps the date and the commit of a timestamped marker', () => {
    expect(shortMarker('2026-11-24T09:30:00Z-a11ce')).toBe('2026-11-24…a11ce');
  });

  it('keeps the start and the end of a commit id', () => {
    expect(shortMarker('3f9c2a1b7d8e4f6a9b0c1d2e3f4a5b6c7d8e9f0a')).toBe(
      '3f9c2a1b7d…e9f0a',
    );
  });

  it('leaves a short marker whole (an ellipsis would hide next to nothing)', () => {
    expect(shortMarker('c1')).toBe('c1');
    expect(shortMarker('2026-12-01T09:30Z')).toBe('2026-12-01T09:30Z');
  });

  it('never cuts a character in half', () => {
    expect(shortMarker('🚀'.repeat(20))).toBe(
      `${'🚀'.repeat(10)}…${'🚀'.repeat(5)}`,
    );
  });
});
