export { DecidedButton, PermittedButton } from './PermittedButton';
export type {
  DecidedButtonProps,
  PermittedButtonProps,
} from './PermittedButton';
export { holdersOf } from './permissionHolders';
export {
  deniedEnvironmentsReason,
  environmentAccess,
} from './environmentAccess';
export type { ActionWords, PermittedEnvironment } from './environmentAccess';
