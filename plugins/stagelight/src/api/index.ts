export * from './StagelightApi';
export { StagelightClient } from './StagelightClient';
export { backendMessage } from './backendMessage';
