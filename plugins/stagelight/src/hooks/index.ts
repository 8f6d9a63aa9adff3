export {
  SIGNAL_REREAD_MS,
  StagelightRefreshContext,
  StagelightRefreshProvider,
  useStagelightRefresh,
} from './StagelightRefreshContext';
export type {
  OperationSignalListener,
  StagelightRefresh,
} from './StagelightRefreshContext';
export { useClinicCost } from './useClinicCost';
export { useClinicEnvironments } from './useClinicEnvironments';
export { useClinicHistory } from './useClinicHistory';
export { useClinicStageCost } from './useClinicStageCost';
export type { ClinicStageCostQuery } from './useClinicStageCost';
export { COST_POLL_INTERVAL_MS, useCostOverview } from './useCostOverview';
export type { StageForecastResult } from './useCostOverview';
export { useEnvironmentPlan } from './useEnvironmentPlan';
export { useEnvironmentPermissions } from './useEnvironmentPermissions';
export type { EnvironmentPermissions } from './useEnvironmentPermissions';
export { EXTEND_PARAMETER, useExtendRequest } from './useExtendRequest';
export type { ExtendRequest } from './useExtendRequest';
export { useDoctorReport } from './useDoctorReport';
export { useFleetAudit } from './useFleetAudit';
export { useFleetClinics } from './useFleetClinics';
export { useFleetEnvironments } from './useFleetEnvironments';
export { useNow } from './useNow';
export {
  OPERATION_FALLBACK_POLL_MS,
  OPERATION_POLL_INTERVAL_MS,
  useOperation,
} from './useOperation';
export { useOperationSignals } from './useOperationSignals';
export { useStatusQuery } from './useStatusQuery';
export { TIMELINE_POLL_INTERVAL_MS, useTimeline } from './useTimeline';
export { useWakeDurations } from './useWakeDurations';
export type { StatusQuery } from './useStatusQuery';
