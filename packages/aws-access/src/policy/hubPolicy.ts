import { PolicyDocumentJson } from './policyDocument';

/** @public */
export const HUB_ASSUME_SID = 'AssumeSpokeRoles';

/**
 * The policy of the portal's own identity in the account Backstage runs in:
 * nothing but assuming the spoke role of each clinic account. Everything the
 * portal does in AWS it does through a spoke.
 *
 * @public
 */
export function hubPolicyDocument(options: {
  /** The spoke roles' ARNs (a wildcard account works with `spokeAccountIds`). */
  spokeRoleArns: string[];
  /** When given, only roles in these accounts (`aws:ResourceAccount`). */
  spokeAccountIds?: string[];
}): PolicyDocumentJson {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: HUB_ASSUME_SID,
        Effect: 'Allow',
        Action: ['sts:AssumeRole'],
        Resource: options.spokeRoleArns,
        ...(options.spokeAccountIds
          ? {
              Condition: {
                StringEquals: {
                  'aws:ResourceAccount': options.spokeAccountIds,
                },
              },
            }
          : {}),
      },
    ],
  };
}
