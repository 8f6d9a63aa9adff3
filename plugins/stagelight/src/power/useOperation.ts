import { useEffect, useRef, useState } from 'react';
import type { PowerOperation } from '@internal/plugin-stagelight-common';
import type { StagelightApi } from '../api';
import { isFinished } from './powerView';

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
 * Follows one power operation: reads it every `pollIntervalMs` until it has
 * succeeded or failed, then calls `onFinished` once.
 */
export function useOperation(
  api: Pick<StagelightApi, 'getOperation'>,
  options: {
    onFinished?: (operation: PowerOperation) => void;
    pollIntervalMs?: number;
    clock?: () => number;
  } = {},
): OperationTracking {
  const { pollIntervalMs = OPERATION_POLL_INTERVAL_MS, clock = Date.now } =
    options;
  const [state, setState] = useState<Omit<OperationTracking, 'track'>>({});
  const onFinishedRef = useRef(options.onFinished);
  onFinishedRef.current = options.onFinished;
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
              onFinishedRef.current?.(op);
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
    if (isFinished(operation)) onFinishedRef.current?.(operation);
  };

  return { ...state, track };
}
