import { act, renderHook, waitFor } from '@testing-library/react';
import { useStatusQuery } from './useStatusQuery';

describe('useStatusQuery', () => {
  afterEach(() => jest.useRealTimers());

  it('loads, then polls at the interval and records when the answer arrived', async () => {
    jest.useFakeTimers();
    let n = 0;
    const load = jest.fn(async () => ++n);
    const clock = jest.fn(() => 1_000 * n);

    const { result } = renderHook(() =>
      useStatusQuery(load, [], { pollIntervalMs: 30_000, clock }),
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe(1));
    expect(result.current.receivedAtMs).toBe(1_000);

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    await waitFor(() => expect(result.current.value).toBe(2));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the last value when a poll fails and clears the error on the next success', async () => {
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValueOnce('third');

    const { result } = renderHook(() => useStatusQuery(load, []));
    await waitFor(() => expect(result.current.value).toBe('first'));

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error?.message).toBe('boom'));
    expect(result.current.value).toBe('first');

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.value).toBe('third'));
    expect(result.current.error).toBeUndefined();
  });

  it('ignores an answer for inputs that have changed meanwhile', async () => {
    const pending: Record<string, (v: string) => void> = {};
    const load = (key: string) => () =>
      new Promise<string>(resolve => {
        pending[key] = resolve;
      });

    const { result, rerender } = renderHook(
      ({ key }) => useStatusQuery(load(key), [key]),
      {
        initialProps: { key: 'north' },
      },
    );
    rerender({ key: 'south' });
    await act(async () => pending.north('north answer'));
    expect(result.current.value).toBeUndefined();
    expect(result.current.loading).toBe(true);

    await act(async () => pending.south('south answer'));
    expect(result.current.value).toBe('south answer');
  });
});
