import { Aws, Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AWS_ACTIONS } from '../actions/awsActions';
import { spokePolicyDocument, SpokePolicyOptions } from '../policy/spokePolicy';

/** @public */
export const DEFAULT_SPOKE_ROLE_NAME = 'stagelight-portal';

/** @public */
export interface StagelightSpokeProps
  extends Omit<SpokePolicyOptions, 'partition' | 'accountId'> {
  /** The account the portal (the hub) runs in: the only one the role trusts. */
  hubAccountId: string;
  /** The role's name; the portal finds it by `aws.accountDefaults.roleName` (default `stagelight-portal`). */
  roleName?: string;
  /** When set, the hub must pass this external id to assume the role. */
  externalId?: string;
}

/**
 * The role the portal assumes in one clinic account: trusted by the hub
 * account only, holding one managed policy generated from the list of
 * actions (`spokePolicyDocument`).
 *
 * @public
 */
export class StagelightSpoke extends Construct {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: StagelightSpokeProps) {
    super(scope, id);
    const { hubAccountId, roleName, externalId, ...policyOptions } = props;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description:
        'Stagelight portal: discover, read status and cost of tagged resources; change power of app-tagged resources outside protected stages',
      document: iam.PolicyDocument.fromJson(
        spokePolicyDocument({
          ...policyOptions,
          partition: Aws.PARTITION,
          accountId: Aws.ACCOUNT_ID,
        }),
      ),
    });
    this.role = new iam.Role(this, 'Role', {
      roleName: roleName ?? DEFAULT_SPOKE_ROLE_NAME,
      description: 'Assumed by the Stagelight portal from its hub account',
      assumedBy: new iam.AccountPrincipal(hubAccountId),
      externalIds: externalId ? [externalId] : undefined,
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [this.policy],
    });
    Validations.of(this.policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The reads have no resource-level permissions or read what tags found in any region (tag:GetResources, Cost Explorer, lambda:ListFunctions, cloudwatch:GetMetricData, the Describe calls); power actions on * are limited by the aws:ResourceTag condition on the app tag and denied on protected stages',
    });
    const denyServices = [
      ...new Set(
        (props.actions ?? AWS_ACTIONS)
          .filter(a => a.purpose === 'power')
          .map(a => a.action.split(':')[0]),
      ),
    ];
    for (const service of denyServices) {
      Validations.of(this.policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:${service}:*:<AWS::AccountId>:*]`,
        reason: `Only in the explicit Deny of power actions on protected stages: it covers every ${service} resource of this account in every region`,
      });
    }
  }
}
