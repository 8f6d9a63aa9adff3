import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import { isFinished } from '../power/powerView';
import { useStagelightRefresh } from './StagelightRefreshContext';

/** How often a running operation is read again when no signals reach the page. */
export const OPERATION_POLL_INTERVAL_MS = 2_000;

/**
 * How often it is read again while signals reach the page: only in case one
 * is missed (a reconnecting WebSocket), since each signal reads it at once.
 */
export const OPERATION_FALLBACK_POLL_MS = 30_000;

export interface OperationTracking {
  operation?: PowerOperation;
  /** The last failed read; polling goes on. */
  pollError?: Error;
  /** Browser time when tracking began, for the elapsed time while it runs. */
  startedAtMs?: number;
  /** Start following an operation (the answer of wake or sleep). */
  track(operation: PowerOperation): void;
}

/**
 * Follows one power operation started from this page until it has succeeded
 * or failed, then tells the page once (`operationEnded`), which reads its
 * status again. Each of the operation's signals reads it at once; it is also
 * read at the page's poll interval: every 2 s without signals, every 30 s
 * with them.
 */
export function useOperation(
  options: { clock?: () => number } = {},
): OperationTracking {
  const { clock = Date.now } = options;
  const api = useApi(stagelightApiRef);
  const refresh = useStagelightRefresh();
  const { subscribeOperation } = refresh;
  const pollIntervalMs =
    refresh.operationPollIntervalMs ??
    (refresh.signalsAvailable
      ? OPERATION_FALLBACK_POLL_MS
      : OPERATION_POLL_INTERVAL_MS);
  const [state, setState] = useState<Omit<OperationTracking, 'track'>>({});
  const operationEnded = useRef(refresh.operationEnded);
  operationEnded.current = refresh.operationEnded;
  const clockRef = useRef(clock);
  clockRef.current = clock;

  const id = state.operation?.id;
  const finished = state.operation ? isFinished(state.operation) : true;

  useEffect(() => {
    if (!id || finished) return undefined;
    let cancelled = false;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    let readAgain = false;
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(read, pollIntervalMs);
    }
    // One read at a time: a signal during a read asks for one more after it.
    function read() {
      if (cancelled || done) return;
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      clearTimeout(timer);
      const settle = () => {
        reading = false;
        if (cancelled || done) return;
        if (readAgain) {
          readAgain = false;
          read();
        } else {
          schedule();
        }
      };
      api.getOperation(id!).then(
        op => {
          if (cancelled) return;
          setState(prev => ({ ...prev, operation: op, pollError: undefined }));
          if (isFinished(op)) {
            done = true;
            operationEnded.current(op);
          }
          settle();
        },
        (error: Error) => {
          if (cancelled) return;
          setState(prev => ({ ...prev, pollError: error }));
          settle();
        },
      );
    }
    const unsubscribe = subscribeOperation(id, read);
    schedule();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, id, finished, pollIntervalMs, subscribeOperation]);

  const track = (operation: PowerOperation) => {
    setState({ operation, startedAtMs: clockRef.current() });
    if (isFinished(operation)) operationEnded.current(operation);
  };

  return { ...state, track };
}
