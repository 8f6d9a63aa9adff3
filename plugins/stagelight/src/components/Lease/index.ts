export { LeaseActions } from './LeaseActions';
export type { LeaseActionsProps } from './LeaseActions';
