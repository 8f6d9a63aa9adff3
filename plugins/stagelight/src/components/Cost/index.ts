export { CostPage } from './CostPage';
export { CostView } from './CostView';
