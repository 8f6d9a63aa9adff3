import { useApi } from '@backstage/core-plugin-api';
import type {
  CostForecast,
  CostSummaryResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { backendMessage, StagelightApi, stagelightApiRef } from '../api';
import { useStatusQuery } from './useStatusQuery';

/** Cost data changes a few times a day at most; the backend reads Cost Explorer on a budget. */
export const COST_POLL_INTERVAL_MS = 5 * 60_000;

/** A forecast row per stage, or the reason it could not be read. */
export type StageForecastResult =
  | { stage: string; forecast: CostForecast }
  | { stage: string; error: string };

export interface CostOverview {
  summary: CostSummaryResponse;
  forecasts: StageForecastResult[];
}

async function loadOverview(api: StagelightApi): Promise<CostOverview> {
  const summary = await api.getCostSummary();
  // One stage's failing forecast is shown in its row rather than blanking the page.
  const forecasts = await Promise.all(
    summary.byStage.map(({ stage }) =>
      api.getStageForecast(stage).then(
        (forecast): StageForecastResult => ({ stage, forecast }),
        (error: Error): StageForecastResult => ({
          stage,
          error: backendMessage(error),
        }),
      ),
    ),
  );
  return { summary, forecasts };
}

/** The cost summary by stage and clinic with each stage's forecast, polled. */
export function useCostOverview(pollIntervalMs = COST_POLL_INTERVAL_MS) {
  const api = useApi(stagelightApiRef);
  return useStatusQuery(() => loadOverview(api), [api], { pollIntervalMs });
}
