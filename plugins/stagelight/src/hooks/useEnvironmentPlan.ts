import { useApi } from '@backstage/core-plugin-api';
import { stagelightApiRef } from '../api';
import { useStagelightRefresh } from './StagelightRefreshContext';
import { useStatusQuery } from './useStatusQuery';

/**
 * An environment's plan (schedule, lease, what it should be now and next),
 * polled, and read afresh when the page asks for it (`planToken`).
 */
export function useEnvironmentPlan(clinic: string, stage: string) {
  const api = useApi(stagelightApiRef);
  const { planToken } = useStagelightRefresh();
  return useStatusQuery(
    () => api.getSchedule(clinic, stage),
    [api, clinic, stage, planToken],
  );
}
