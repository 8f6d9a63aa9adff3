import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** How often open views ask the backend again; the backend refreshes from AWS every minute. */
export const POLL_INTERVAL_MS = 30_000;

export interface StatusQuery<T> {
  /** The last successful answer; kept while a later poll fails. */
  value?: T;
  /** The last failure; cleared by the next success. */
  error?: Error;
  /** True until the first answer or failure for the current inputs. */
  loading: boolean;
  /** When `value` arrived (ms since epoch), to age the data between polls. */
  receivedAtMs?: number;
  reload(): void;
}

/**
 * Loads status data and polls it while the view is open. Unlike a plain
 * useAsync, a failed poll keeps the previous answer so the view can show it
 * as stale next to the error instead of going blank.
 */
export function useStatusQuery<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: { pollIntervalMs?: number; clock?: () => number } = {},
): StatusQuery<T> {
  const { pollIntervalMs = POLL_INTERVAL_MS, clock = Date.now } = options;
  const [state, setState] = useState<Omit<StatusQuery<T>, 'reload'>>({
    loading: true,
  });
  // Bumped whenever the inputs change or the view unmounts; answers for an older generation are dropped.
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const clockRef = useRef(clock);
  clockRef.current = clock;

  const run = useCallback((current: number) => {
    loadRef.current().then(
      value => {
        if (generation.current !== current) return;
        setState({ value, loading: false, receivedAtMs: clockRef.current() });
      },
      (error: Error) => {
        if (generation.current !== current) return;
        setState(prev => ({ ...prev, error, loading: false }));
      },
    );
  }, []);

  useEffect(() => {
    const current = ++generation.current;
    setState({ loading: true });
    run(current);
    const timer = setInterval(() => run(current), pollIntervalMs);
    const counter = generation;
    return () => {
      clearInterval(timer);
      if (counter.current === current) counter.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, pollIntervalMs, run]);

  const reload = useCallback(() => run(generation.current), [run]);
  return { ...state, reload };
}
