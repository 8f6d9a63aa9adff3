export { deniedReason, PermittedButton } from './PermittedButton';
export type { PermittedButtonProps } from './PermittedButton';
