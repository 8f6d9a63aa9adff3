export { EnvironmentResources } from './EnvironmentResources';
