/**
 * The policy documents alone, without the CDK constructs
 * (`@stagelight/aws-access/policy`): what a test that puts the
 * shipped policy on a local AWS user imports.
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
