import { usuallyReadyText, wakeSampleText } from './wakeDurationText';

describe('wake duration text', () => {
  it('says how long a wake usually takes, in whole minutes', () => {
    expect(usuallyReadyText({ medianSeconds: 160 })).toBe(
      'Usually ready in about 3 min',
    );
    expect(usuallyReadyText({ medianSeconds: 60 })).toBe(
      'Usually ready in about 1 min',
    );
    expect(usuallyReadyText({ medianSeconds: 12 })).toBe(
      'Usually ready in under a minute',
    );
  });

  it('says there is no history rather than guessing', () => {
    expect(usuallyReadyText({ medianSeconds: null })).toBe(
      'No wake history yet',
    );
    expect(usuallyReadyText(undefined)).toBe('No wake history yet');
  });

  it('says what the figure rests on', () => {
    expect(wakeSampleText({ wakes: 1 })).toBe('median of the last 1 wake');
    expect(wakeSampleText({ wakes: 4 })).toBe('median of the last 4 wakes');
  });
});
