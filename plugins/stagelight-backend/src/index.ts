/**
 * Stagelight backend plugin: inventory, status, queue depth and deploy readiness
 * of every clinic and stage.
 *
 * @packageDocumentation
 */
export { stagelightPlugin as default } from './plugin';
export {
  stagelightAwsExtensionPoint,
  type StagelightAwsExtensionPoint,
} from './extensions';
export type {
  AwsClientCustomizer,
  AwsServiceName,
  AnyAwsClient,
} from './aws/AwsClientFactory';
export type { AwsLocation } from './aws/AwsLocation';
