export { FleetView } from './FleetView';
export { FleetPage } from './FleetPage';
