export {
  StagelightRefreshContext,
  StagelightRefreshProvider,
  useStagelightRefresh,
} from './StagelightRefreshContext';
export type { StagelightRefresh } from './StagelightRefreshContext';
export { useClinicCost } from './useClinicCost';
export { useClinicEnvironments } from './useClinicEnvironments';
export { useClinicHistory } from './useClinicHistory';
export { COST_POLL_INTERVAL_MS, useCostOverview } from './useCostOverview';
export type { StageForecastResult } from './useCostOverview';
export { useEnvironmentPlan } from './useEnvironmentPlan';
export { useEnvironmentPermissions } from './useEnvironmentPermissions';
export type { EnvironmentPermissions } from './useEnvironmentPermissions';
export { useFleetAudit } from './useFleetAudit';
export { useFleetClinics } from './useFleetClinics';
export { useFleetEnvironments } from './useFleetEnvironments';
export { useNow } from './useNow';
export { useOperation } from './useOperation';
export { useStatusQuery } from './useStatusQuery';
export type { StatusQuery } from './useStatusQuery';
