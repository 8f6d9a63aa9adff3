export { StaleSnapshotWarning } from './StaleSnapshotWarning';
export { StatusQueryView } from './StatusQueryView';
