import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  OPERATION_SIGNAL_CHANNEL,
  OperationSignal,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * Hands every message on the backend's `stagelight:operation` channel to
 * `onSignal` while the view is mounted, and says whether the app has the
 * signals plugin at all (without it, views poll instead).
 *
 * It subscribes through the signal API itself rather than `useSignal`:
 * `useSignal` keeps only the last message in React state, so of two messages
 * that arrive before the next render (a bulk wake's operations step at the
 * same time) all but the last would be lost.
 */
export function useOperationSignals(
  onSignal: (signal: OperationSignal) => void,
): {
  signalsAvailable: boolean;
} {
  const signals = useApiHolder().get(signalApiRef);
  const onSignalRef = useRef(onSignal);
  onSignalRef.current = onSignal;
  useEffect(() => {
    if (!signals) return undefined;
    const subscription = signals.subscribe<OperationSignal>(
      OPERATION_SIGNAL_CHANNEL,
      message => onSignalRef.current(message),
    );
    return () => subscription.unsubscribe();
  }, [signals]);
  return { signalsAvailable: Boolean(signals) };
}
