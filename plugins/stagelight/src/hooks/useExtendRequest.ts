import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The query parameter a lease warning's link sets: `?extend=<stage>`. */
export const EXTEND_PARAMETER = 'extend';

export interface ExtendRequest {
  /** The page was opened to extend this stage's lease (a lease warning's link). */
  requested: boolean;
  /** Removes the parameter from the address, once the request has been taken up. */
  clear(): void;
}

/**
 * Whether the board was opened with `?extend=<stage>` for `stage`, as the
 * backend's lease warnings link to it, and a way to clear the parameter
 * (replacing the history entry, so Back does not open the dialog again).
 */
export function useExtendRequest(stage: string): ExtendRequest {
  const [params, setParams] = useSearchParams();
  const requested = params.get(EXTEND_PARAMETER) === stage;
  const clear = useCallback(
    () =>
      setParams(
        current => {
          const next = new URLSearchParams(current);
          next.delete(EXTEND_PARAMETER);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { requested, clear };
}
