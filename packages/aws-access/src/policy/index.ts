/**
 * The policy documents alone, without the CDK constructs
 * (`@stagelight/aws-access/policy`): what a test that puts the
 * shipped policy on a local AWS user imports.
 *
 * @packageDocumentation
 */
export {
  spokePolicyDocument,
  readSid,
  POWER_ALLOW_SID,
  POWER_DENY_SID,
  type SpokePolicyOptions,
} from './spokePolicy';
export { hubPolicyDocument, HUB_ASSUME_SID } from './hubPolicy';
export type { PolicyDocumentJson, PolicyStatementJson } from './policyDocument';
// The options and readSid name these, so the entry point exports them too.
export type { AwsAction, AwsActionPurpose } from '../actions/awsActions';
