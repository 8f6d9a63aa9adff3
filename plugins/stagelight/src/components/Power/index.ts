export { KeepAwakeField, LeaseHoursField } from './LeaseHoursField';
export type { LeaseHoursFieldProps } from './LeaseHoursField';
export { OperationProgress } from './OperationProgress';
export { PowerActions } from './PowerActions';
export { POWER_PERMISSIONS, PowerButton } from './PowerButton';
export type { PowerButtonProps } from './PowerButton';
export type { PowerActionsProps } from './PowerActions';
export { PowerDialog } from './PowerDialog';
export type { EnvironmentDialogProps, PowerDialogProps } from './PowerDialog';
