export { BackendMissingPanel } from './BackendMissingPanel';
export { StaleSnapshotWarning } from './StaleSnapshotWarning';
export { StatusQueryView } from './StatusQueryView';
