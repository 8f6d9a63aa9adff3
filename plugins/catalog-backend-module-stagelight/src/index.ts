/**
 * Catalog entity provider for Stagelight: a System per clinic with its
 * Components and Resources, read from the Stagelight backend's inventory.
 *
 * @packageDocumentation
 */
export { catalogModuleStagelight as default } from './module';
export { StagelightEntityProvider } from './StagelightEntityProvider';
export {
  StagelightInventoryClient,
  type StagelightInventory,
} from './StagelightInventoryClient';
export { entitiesFromEnvironments, type EntityOptions } from './entities';
