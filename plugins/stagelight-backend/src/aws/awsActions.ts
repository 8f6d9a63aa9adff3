/**
 * The one list of AWS actions the backend calls lives with the access it
 * ships (`packages/aws-access/src/actions/awsActions.ts`), which generates the
 * portal's policies from it; `awsActions.test.ts` here checks it against what
 * this backend's code sends.
 */
export {
  AWS_ACTIONS,
  awsActionsFor,
  type AwsAction,
  type AwsActionPurpose,
} from '@stagelight/aws-access/actions';
