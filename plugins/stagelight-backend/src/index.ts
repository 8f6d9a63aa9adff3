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
// Add beside the events plugin: malformed webhook bodies get a 400, not a 500.
export { eventsModuleStagelightJsonBody } from './commit/eventsModuleJsonBody';
// For permission policies: the environment resource type's rules and conditions.
export {
  createStagelightEnvironmentConditionalDecision,
  stagelightEnvironmentConditions,
  stagelightEnvironmentResourceRef,
  stagelightEnvironmentRules,
  type StagelightEnvironmentQuery,
  type StagelightEnvironmentResource,
} from './permissions/rules';
