import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { PowerOperation } from '@internal/plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import { isFinished } from '../power/powerView';
import { useStagelightRefresh } from './StagelightRefreshContext';

/** How often a running operation is read again. */
export const OPERATION_POLL_INTERVAL_MS = 2_000;

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
 * Follows one power operation started from this page: reads it at the page's
 * operation poll interval until it has succeeded or failed, then tells the
 * page once (`operationEnded`), which reads its status again.
 */
export function useOperation(
  options: { clock?: () => number } = {},
): OperationTracking {
  const { clock = Date.now } = options;
  const api = useApi(stagelightApiRef);
  const refresh = useStagelightRefresh();
  const pollIntervalMs =
    refresh.operationPollIntervalMs ?? OPERATION_POLL_INTERVAL_MS;
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
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      timer = setTimeout(() => {
        api.getOperation(id).then(
          op => {
            if (cancelled) return;
            setState(prev => ({
              ...prev,
              operation: op,
              pollError: undefined,
            }));
            if (isFinished(op)) {
              operationEnded.current(op);
            } else {
              poll();
            }
          },
          (error: Error) => {
            if (cancelled) return;
            setState(prev => ({ ...prev, pollError: error }));
            poll();
          },
        );
      }, pollIntervalMs);
    };
    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, id, finished, pollIntervalMs]);

  const track = (operation: PowerOperation) => {
    setState({ operation, startedAtMs: clockRef.current() });
    if (isFinished(operation)) operationEnded.current(operation);
  };

  return { ...state, track };
}
