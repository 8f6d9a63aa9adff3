export { DeployMarker } from './DeployMarker';
export { PipelineTable } from './PipelineTable';
export type { PipelineTableProps } from './PipelineTable';
