import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** The newest `limit` audit records of the whole fleet, polled. */
export function useFleetAudit(limit: number) {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(() => api.getAudit({ limit }), [api, limit]);
}
