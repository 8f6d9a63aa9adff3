export { StageBoard } from './StageBoard';
export type { StageBoardProps } from './StageBoard';
