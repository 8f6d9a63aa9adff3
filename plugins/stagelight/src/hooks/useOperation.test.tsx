import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { stagelightApiRef } from '../api';
import {
  mockStagelightApi,
  operation,
  powerStep,
} from '../__testUtils__/fixtures';
import { TestSignals } from '../__testUtils__/TestSignals';
import {
  SIGNAL_REREAD_MS,
  StagelightRefreshProvider,
} from './StagelightRefreshContext';
import {
  OPERATION_FALLBACK_POLL_MS,
  OPERATION_POLL_INTERVAL_MS,
  useOperation,
} from './useOperation';

type Api = ReturnType<typeof mockStagelightApi>;

/** A page with its refresh provider, with or without the app's signals. */
function page(
  api: Api,
  options: {
    signals?: TestSignals;
    onOperationEnded?: jest.Mock;
    concerns?: (s: { clinic: string }) => boolean;
  },
) {
  return ({ children }: { children: ReactNode }) => {
    const content = (
      <StagelightRefreshProvider
        onOperationEnded={options.onOperationEnded}
        concerns={options.concerns}
      >
        {children}
      </StagelightRefreshProvider>
    );
    return options.signals ? (
      <TestApiProvider
        apis={[
          [stagelightApiRef, api],
          [signalApiRef, options.signals],
        ]}
      >
        {content}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[stagelightApiRef, api]]}>
        {content}
      </TestApiProvider>
    );
  };
}

const running = operation({
  steps: [powerStep('start-db', 'running')],
});
const scaling = operation({
  steps: [
    powerStep('start-db', 'done'),
    powerStep('restore-counts', 'running'),
  ],
});
const succeeded = operation({
  status: 'succeeded',
  outcome: 'awake',
  finishedAt: '2026-11-26T10:03:00.000Z',
  steps: [powerStep('start-db', 'done'), powerStep('restore-counts', 'done')],
});

/** Lets timers and the mocked API's promises run. */
async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

describe('useOperation', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('with signals reads the operation on each of its signals and does not poll every 2 s', async () => {
    const api = mockStagelightApi();
    const signals = new TestSignals();
    const onOperationEnded = jest.fn();
    const { result } = renderHook(() => useOperation(), {
      wrapper: page(api, { signals, onOperationEnded }),
    });

    act(() => result.current.track(running));
    await advance(10 * OPERATION_POLL_INTERVAL_MS);
    expect(api.getOperation).not.toHaveBeenCalled();

    api.getOperation.mockResolvedValueOnce(scaling);
    await act(async () => signals.publishOperation(scaling));
    await waitFor(() =>
      expect(result.current.operation?.steps[1]?.status).toBe('running'),
    );
    expect(api.getOperation).toHaveBeenCalledTimes(1);
    expect(api.getOperation).toHaveBeenCalledWith('op-1');

    // Another operation's signal is not this one's.
    await act(async () =>
      signals.publishOperation(operation({ id: 'op-2', stage: 'test' })),
    );
    expect(api.getOperation).toHaveBeenCalledTimes(1);

    api.getOperation.mockResolvedValueOnce(succeeded);
    await act(async () => signals.publishOperation(succeeded));
    await waitFor(() =>
      expect(result.current.operation?.status).toBe('succeeded'),
    );
    expect(onOperationEnded).toHaveBeenCalledWith(succeeded);
    expect(api.getOperation).toHaveBeenCalledTimes(2);

    // Ended: neither signals nor the fallback poll read it again.
    await advance(2 * OPERATION_FALLBACK_POLL_MS);
    expect(api.getOperation).toHaveBeenCalledTimes(2);
  });

  it('with signals still reads slowly, in case a signal was missed', async () => {
    const api = mockStagelightApi();
    api.getOperation.mockResolvedValue(succeeded);
    const { result } = renderHook(() => useOperation(), {
      wrapper: page(api, { signals: new TestSignals() }),
    });

    act(() => result.current.track(running));
    await advance(OPERATION_FALLBACK_POLL_MS - 1);
    expect(api.getOperation).not.toHaveBeenCalled();
    await advance(1);
    await waitFor(() =>
      expect(result.current.operation?.status).toBe('succeeded'),
    );
    expect(api.getOperation).toHaveBeenCalledTimes(1);
  });

  it('without signals polls every 2 s until the operation has ended', async () => {
    const api = mockStagelightApi();
    api.getOperation
      .mockResolvedValueOnce(scaling)
      .mockResolvedValueOnce(succeeded);
    const onOperationEnded = jest.fn();
    const { result } = renderHook(() => useOperation(), {
      wrapper: page(api, { onOperationEnded }),
    });

    act(() => result.current.track(running));
    await advance(OPERATION_POLL_INTERVAL_MS);
    expect(api.getOperation).toHaveBeenCalledTimes(1);
    await advance(OPERATION_POLL_INTERVAL_MS);
    await waitFor(() =>
      expect(result.current.operation?.status).toBe('succeeded'),
    );
    expect(api.getOperation).toHaveBeenCalledTimes(2);
    expect(onOperationEnded).toHaveBeenCalledWith(succeeded);

    await advance(10 * OPERATION_POLL_INTERVAL_MS);
    expect(api.getOperation).toHaveBeenCalledTimes(2);
  });
});

describe('StagelightRefreshProvider', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("reads the page again once for a burst of signals about its environments, and not for other clinics'", async () => {
    const api = mockStagelightApi();
    const signals = new TestSignals();
    const onOperationEnded = jest.fn();
    const { unmount } = renderHook(() => useOperation(), {
      wrapper: page(api, {
        signals,
        onOperationEnded,
        concerns: s => s.clinic === 'north-clinic',
      }),
    });
    // One subscription for the page, however many views it has.
    expect(signals.subscribers()).toBe(1);

    // Someone else's wake of north-clinic steps on, then ends.
    await act(async () => {
      signals.publishOperation(operation({ id: 'op-9' }));
      signals.publishOperation(succeeded);
    });
    expect(onOperationEnded).not.toHaveBeenCalled();
    await advance(SIGNAL_REREAD_MS);
    expect(onOperationEnded).toHaveBeenCalledTimes(1);
    expect(onOperationEnded).toHaveBeenCalledWith();

    await act(async () =>
      signals.publishOperation(operation({ clinic: 'south-clinic' })),
    );
    await advance(SIGNAL_REREAD_MS);
    expect(onOperationEnded).toHaveBeenCalledTimes(1);

    unmount();
    expect(signals.subscribers()).toBe(0);
  });
});
