import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { hubPolicyDocument } from '../policy/hubPolicy';

/** @public */
export interface StagelightHubProps {
  /** The spoke roles the portal may assume, one per clinic account. */
  spokeRoleArns: string[];
  /** Limits the roles to these accounts (needed when an ARN has `*` for the account). */
  spokeAccountIds?: string[];
  /** The identities the portal runs as (e.g. its ECS task role) to attach the policy to. */
  roles?: iam.IRole[];
}

/**
 * The portal's access in the account Backstage runs in: a managed policy that
 * allows nothing but `sts:AssumeRole` of the spoke roles. Attach it to the
 * role the backend runs with (`aws.mainAccount` then uses the default
 * credential chain).
 *
 * @public
 */
export class StagelightHub extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StagelightHubProps) {
    super(scope, id);
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description:
        'Stagelight portal: assume the Stagelight spoke role in each clinic account',
      document: iam.PolicyDocument.fromJson(
        hubPolicyDocument({
          spokeRoleArns: props.spokeRoleArns,
          spokeAccountIds: props.spokeAccountIds,
        }),
      ),
      roles: props.roles,
    });
    if (props.spokeRoleArns.some(arn => /:iam::\*:/.test(arn))) {
      Validations.of(this.policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/<SpokeRoleName>]',
        reason:
          'The spoke role in any account, narrowed to the listed clinic accounts by the aws:ResourceAccount condition (a template cannot build one ARN per listed account)',
      });
    }
  }
}
