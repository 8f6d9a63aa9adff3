import { useApi } from '@backstage/core-plugin-api';
import { EnvironmentFilter, stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** The summaries of the fleet's environments matching the filter, polled. */
export function useFleetEnvironments(filter: EnvironmentFilter) {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(
    () => api.listEnvironments(filter),
    [api, filter.clinic, filter.stage, filter.power],
  );
}
