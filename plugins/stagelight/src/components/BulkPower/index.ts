export { BulkPowerActions } from './BulkPowerActions';
export type { BulkPowerActionsProps } from './BulkPowerActions';
