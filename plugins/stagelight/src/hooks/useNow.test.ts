import { act, renderHook } from '@testing-library/react';
import { useNow } from './useNow';

describe('useNow', () => {
  it('re-reads the clock every tick', () => {
    jest.useFakeTimers();
    let t = 100;
    const clock = () => t;
    const { result } = renderHook(() => useNow(5_000, clock));
    expect(result.current).toBe(100);
    t = 5_100;
    act(() => {
      jest.advanceTimersByTime(5_000);
    });
    expect(result.current).toBe(5_100);
    jest.useRealTimers();
  });
});
