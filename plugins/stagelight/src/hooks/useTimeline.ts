import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStagelightRefresh } from './StagelightRefreshContext';
import { useStatusQuery } from './useStatusQuery';

/** The power history changes at most once a refresh: a timeline is read again every 5 minutes. */
export const TIMELINE_POLL_INTERVAL_MS = 5 * 60_000;

/**
 * The power timeline of one clinic, or of the fleet without a clinic, over
 * the last `days`; read again whenever the page changed something (a wake or
 * sleep is a marker on it).
 */
export function useTimeline(options: { clinic?: string; days?: number } = {}) {
  const api = useApi(stagelightApiRef);
  const { historyToken } = useStagelightRefresh();
  const { clinic, days } = options;
  const query = useStatusQuery(
    () => api.getTimeline({ clinic, days }),
    [api, clinic, days],
    { pollIntervalMs: TIMELINE_POLL_INTERVAL_MS },
  );

  const { reload } = query;
  const firstToken = useRef(historyToken);
  useEffect(() => {
    if (historyToken !== firstToken.current) reload();
  }, [historyToken, reload]);
  return query;
}
