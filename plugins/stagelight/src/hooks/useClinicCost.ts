import { useApi } from '@backstage/core-plugin-api';
import type { EnvironmentCostResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import { COST_POLL_INTERVAL_MS } from './useCostOverview';
import { useStatusQuery } from './useStatusQuery';

/** The cost of the clinic's environment in each given stage, polled. */
export function useClinicCost(
  clinic: string,
  stages: string[],
  pollIntervalMs = COST_POLL_INTERVAL_MS,
) {
  const api = useApi(stagelightApiRef);
  // A key rather than the array, so a new array of the same stages does not read again.
  const stagesKey = stages.join(',');
  return useStatusQuery<EnvironmentCostResponse[]>(
    () =>
      Promise.all(stages.map(stage => api.getEnvironmentCost(clinic, stage))),
    [api, clinic, stagesKey],
    { pollIntervalMs },
  );
}
