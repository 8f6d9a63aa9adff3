import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStagelightRefresh } from './StagelightRefreshContext';
import { useStatusQuery } from './useStatusQuery';

/**
 * How long waking each environment of the clinic usually takes, polled, and
 * read again when a wake or sleep started on the page has ended (`planToken`).
 */
export function useWakeDurations(clinic: string) {
  const api = useApi(stagelightApiRef);
  const { planToken } = useStagelightRefresh();
  return useStatusQuery(
    () => api.getWakeDurations(clinic),
    [api, clinic, planToken],
  );
}
