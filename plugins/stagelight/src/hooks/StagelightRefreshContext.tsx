import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type {
  OperationSignal,
  PowerOperation,
} from '@stagelight/backstage-plugin-stagelight-common';
import { useOperationSignals } from './useOperationSignals';

/** Listens to the signals of one operation; returns the unsubscribe. */
export type OperationSignalListener = (signal: OperationSignal) => void;

/**
 * What a page tells the views inside it when something was changed, from
 * the page itself or (through operation signals) anywhere else, so each reads
 * its data again without waiting for its next poll.
 */
export interface StagelightRefresh {
  /** Changes when every environment's plan (lease, schedule) should be read again. */
  readonly planToken: number;
  /** Changes when the audit history should be read again. */
  readonly historyToken: number;
  /**
   * Whether the backend's operation signals reach this page: then a running
   * wake or sleep is read again when its signal arrives, and polled only as
   * a slow fallback.
   */
  readonly signalsAvailable: boolean;
  /** How often a running wake or sleep is read again; undefined takes the default for `signalsAvailable`. */
  readonly operationPollIntervalMs?: number;
  /** Calls `listener` with each signal of the operation until the returned function is called. */
  subscribeOperation(
    operationId: string,
    listener: OperationSignalListener,
  ): () => void;
  /** A wake or sleep started on this page has ended. */
  operationEnded(operation: PowerOperation): void;
  /** A lease or a schedule was changed on this page. */
  planChanged(): void;
}

/** Outside a provider nothing is refreshed early and no signal is heard: each view polls. */
export const StagelightRefreshContext = createContext<StagelightRefresh>({
  planToken: 0,
  historyToken: 0,
  signalsAvailable: false,
  subscribeOperation: () => () => {},
  operationEnded: () => {},
  planChanged: () => {},
});

/**
 * Signals of one operation arrive step by step, and a bulk wake sends many at
 * once: the page's status is read again at most this often for them.
 */
export const SIGNAL_REREAD_MS = 250;

/**
 * Holds the refresh signals of one page (a clinic's stages, the fleet) and
 * its one subscription to the backend's operation signals. The page passes
 * its own re-read as `onOperationEnded`; plans and history are read again by
 * the views that show them.
 */
export function StagelightRefreshProvider(props: {
  /**
   * Reads the page's own status again (the board's or the fleet's snapshot):
   * with the operation when one started on this page ends, without when an
   * operation signal concerns the page.
   */
  onOperationEnded?(operation?: PowerOperation): void;
  /** Which operation signals are about this page's environments; all of them by default. */
  concerns?(signal: OperationSignal): boolean;
  children: ReactNode;
}) {
  const [planToken, setPlanToken] = useState(0);
  const [historyToken, setHistoryToken] = useState(0);
  const onOperationEnded = useRef(props.onOperationEnded);
  onOperationEnded.current = props.onOperationEnded;
  const concerns = useRef(props.concerns);
  concerns.current = props.concerns;
  const listeners = useRef(new Map<string, Set<OperationSignalListener>>());
  const reread = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(reread.current), []);

  const { signalsAvailable } = useOperationSignals(signal => {
    listeners.current.get(signal.operationId)?.forEach(l => l(signal));
    if (concerns.current && !concerns.current(signal)) return;
    // Another user's, the scheduler's or this page's operation moved on: the
    // snapshot already shows it (the backend re-reads before it signals).
    if (!reread.current) {
      reread.current = setTimeout(() => {
        reread.current = undefined;
        onOperationEnded.current?.();
      }, SIGNAL_REREAD_MS);
    }
    if (signal.status === 'succeeded' || signal.status === 'failed') {
      setHistoryToken(t => t + 1);
      setPlanToken(t => t + 1);
    }
  });

  const subscribeOperation = useCallback(
    (operationId: string, listener: OperationSignalListener) => {
      const set = listeners.current.get(operationId) ?? new Set();
      set.add(listener);
      listeners.current.set(operationId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.current.delete(operationId);
      };
    },
    [],
  );

  // The operation's own status is final; the page's snapshot catches up on
  // the backend's next refresh, so read it, the plans and the history again now.
  const operationEnded = useCallback((operation: PowerOperation) => {
    onOperationEnded.current?.(operation);
    setHistoryToken(t => t + 1);
    setPlanToken(t => t + 1);
  }, []);
  // A lease or schedule change is audited, so the history is read again.
  const planChanged = useCallback(() => setHistoryToken(t => t + 1), []);

  const value = useMemo(
    () => ({
      planToken,
      historyToken,
      signalsAvailable,
      subscribeOperation,
      operationEnded,
      planChanged,
    }),
    [
      planToken,
      historyToken,
      signalsAvailable,
      subscribeOperation,
      operationEnded,
      planChanged,
    ],
  );
  return (
    <StagelightRefreshContext.Provider value={value}>
      {props.children}
    </StagelightRefreshContext.Provider>
  );
}

/** The refresh signals of the page this view is on. */
export function useStagelightRefresh(): StagelightRefresh {
  return useContext(StagelightRefreshContext);
}
