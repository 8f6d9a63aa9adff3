/**
 * Cost (design §6): Cost Explorer on a daily request budget, stored in the
 * plugin database; month to date, trend, forecast, savings from sleeping and
 * projections of proposed schedules.
 */
export { readCostSettings, type CostSettings } from './CostSettings';
export {
  createCostExplorerClientFactory,
  type CostExplorerClientFactory,
  type CostExplorerClientFactoryOptions,
} from './CostExplorerAdapter';
export {
  CostService,
  createCostService,
  type CostServiceOptions,
  type RefreshOutcome,
} from './CostService';
export { createCostRouter, type CostRouterOptions } from './router';
export { PowerHistory, type PowerSample } from './PowerHistory';

import type { CostService } from './CostService';
import type { PowerSample } from './PowerHistory';

/**
 * Records the fleet's power states after a status refresh (the history that
 * savings and run rates come from). `records` is the refreshed snapshot.
 */
export async function recordPowerSamples(
  costService: CostService,
  records: PowerSample[],
  at: Date,
): Promise<void> {
  await costService.recordPowerSamples(
    records.map(r => ({ clinic: r.clinic, stage: r.stage, power: r.power })),
    at,
  );
}
