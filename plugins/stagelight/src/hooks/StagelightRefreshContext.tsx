import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { PowerOperation } from '@internal/plugin-stagelight-common';

/**
 * What a page tells the views inside it when something was changed from the
 * page itself, so each reads its data again without waiting for its next poll.
 */
export interface StagelightRefresh {
  /** Changes when every environment's plan (lease, schedule) should be read again. */
  readonly planToken: number;
  /** Changes when the audit history should be read again. */
  readonly historyToken: number;
  /** How often a running wake or sleep is read again; undefined takes the default (2 s). */
  readonly operationPollIntervalMs?: number;
  /** A wake or sleep started on this page has ended. */
  operationEnded(operation: PowerOperation): void;
  /** A lease or a schedule was changed on this page. */
  planChanged(): void;
}

/** Outside a provider nothing is refreshed early: each view still polls. */
export const StagelightRefreshContext = createContext<StagelightRefresh>({
  planToken: 0,
  historyToken: 0,
  operationEnded: () => {},
  planChanged: () => {},
});

/**
 * Holds the refresh signals of one page (a clinic's stages, the fleet). The
 * page passes its own re-read as `onOperationEnded`; plans and history are
 * read again by the views that show them.
 */
export function StagelightRefreshProvider(props: {
  /** Reads the page's own status again (the board's or the fleet's snapshot). */
  onOperationEnded?(operation: PowerOperation): void;
  children: ReactNode;
}) {
  const [planToken, setPlanToken] = useState(0);
  const [historyToken, setHistoryToken] = useState(0);
  const onOperationEnded = useRef(props.onOperationEnded);
  onOperationEnded.current = props.onOperationEnded;

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
    () => ({ planToken, historyToken, operationEnded, planChanged }),
    [planToken, historyToken, operationEnded, planChanged],
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
