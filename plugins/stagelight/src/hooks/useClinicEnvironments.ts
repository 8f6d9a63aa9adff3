import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** The clinic's environments with full detail, and the configured stages, polled. */
export function useClinicEnvironments(clinic: string) {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(
    () => api.listEnvironmentDetails({ clinic }),
    [api, clinic],
  );
}
