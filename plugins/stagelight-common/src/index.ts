/**
 * Shared by the Stagelight frontend, backend and catalog module: the API
 * contract, the permissions and the status vocabulary.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './permissions';
export * from './vocabulary';
export * from './cost';
export * from './power';
export * from './clinicCatalog';
export * from './timeline';
export * from './doctor';
