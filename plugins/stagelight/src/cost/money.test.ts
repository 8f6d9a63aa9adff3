import {
  formatChange,
  formatMoney,
  NO_DATA,
  NOTHING_TO_COMPARE,
} from './money';

describe('formatMoney', () => {
  it('formats amounts in the given currency', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
  });

  it('says "no data" for an unknown amount instead of $0', () => {
    expect(formatMoney(null, 'USD')).toBe(NO_DATA);
  });
});

describe('formatChange', () => {
  it('gives the change against last month in percent', () => {
    expect(formatChange(120, 100)).toBe('+20%');
    expect(formatChange(50, 100)).toBe('−50%');
    expect(formatChange(100, 100)).toBe('±0%');
  });

  it('has no percentage without a baseline', () => {
    expect(formatChange(null, 100)).toBe(NO_DATA);
    expect(formatChange(10, null)).toBe(NO_DATA);
    expect(formatChange(10, 0)).toBe('new');
    // Nothing against nothing is no change anyone could read anything into.
    expect(formatChange(0, 0)).toBe(NOTHING_TO_COMPARE);
  });
});
