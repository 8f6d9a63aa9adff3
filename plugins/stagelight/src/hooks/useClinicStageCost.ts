import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ClinicCostResponse,
  stagelightCostReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import { COST_POLL_INTERVAL_MS } from './useCostOverview';
import { StatusQuery, useStatusQuery } from './useStatusQuery';

export interface ClinicStageCostQuery {
  /** Whether the user may read cost; until the answer, and when not, nothing is read. */
  allowed: boolean;
  query: StatusQuery<ClinicCostResponse | null>;
}

/**
 * The cost of every stage of one clinic in one request, polled, for users
 * with `stagelight.cost.read` only: without it nothing is asked.
 */
export function useClinicStageCost(
  clinic: string,
  pollIntervalMs = COST_POLL_INTERVAL_MS,
): ClinicStageCostQuery {
  const api = useApi(stagelightApiRef);
  const { allowed } = usePermission({
    permission: stagelightCostReadPermission,
  });
  const query = useStatusQuery<ClinicCostResponse | null>(
    () => (allowed ? api.getClinicCost(clinic) : Promise.resolve(null)),
    [api, clinic, allowed],
    { pollIntervalMs },
  );
  return { allowed, query };
}
