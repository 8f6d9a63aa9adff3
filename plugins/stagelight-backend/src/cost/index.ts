/**
 * Cost: Cost Explorer on a daily request budget, stored in the plugin
 * database; month to date, trend, forecast, savings from sleeping and
 * projections of proposed schedules. See docs/architecture.md, "Cost".
 */
export { readCostSettings, type CostSettings } from './CostSettings';
export {
  createCostExplorerClientFactory,
  type CostExplorerClientFactory,
  type CostExplorerClientFactoryOptions,
} from './CostExplorerAdapter';
export {
  createCostModule,
  type CostModule,
  type CostModuleOptions,
} from './CostModule';
export { type RefreshOutcome } from './refresh/CostRefresher';
export { PowerHistory, type PowerSample } from './PowerHistory';
