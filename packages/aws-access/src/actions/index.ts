/**
 * The list of AWS actions alone, without the CDK constructs: what the backend
 * imports (`@stagelight/aws-access/actions`), so the portal does not
 * load aws-cdk-lib.
 *
 * @packageDocumentation
 */
export {
  AWS_ACTIONS,
  awsActionsFor,
  type AwsAction,
  type AwsActionPurpose,
} from './awsActions';
