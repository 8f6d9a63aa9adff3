export * from './StagelightApi';
export { StagelightClient } from './StagelightClient';
export { backendMessage } from './backendMessage';
export {
  StagelightBackendMissingError,
  STAGELIGHT_BACKEND_ADD_LINE,
} from './StagelightBackendMissingError';
