import {
  APP_NAME,
  DEFAULT_PROTECTED_STAGES,
  DEFAULT_TAG_KEYS,
} from '@stagelight/tag-contract';
import {
  AWS_ACTIONS,
  AwsAction,
  AwsActionPurpose,
} from '../actions/awsActions';
import { PolicyDocumentJson, PolicyStatementJson } from './policyDocument';

/** @public */
export interface SpokePolicyOptions {
  /** The AWS partition, e.g. `aws`; in a template `${AWS::Partition}`. */
  partition: string;
  /** The account the policy is in (where the resources are); in a template `${AWS::AccountId}`. */
  accountId: string;
  /** Power actions are allowed only on resources with this tag (default `stagelight:app` = `image-review`). */
  appTag?: { key: string; value: string };
  /** The tag key that names a resource's stage (default `stagelight:stage`). */
  stageTagKey?: string;
  /** Stages whose resources no power action may touch (default `prod`); a CloudFormation list parameter works. */
  protectedStages?: string[];
  /** The actions to grant (default: the backend's list, `AWS_ACTIONS`). */
  actions?: readonly AwsAction[];
}

/** Statement ids of the read purposes; a purpose added later gets `Read<Purpose>`. */
export const READ_SIDS: Record<string, string> = {
  discover: 'DiscoverTaggedResources',
  status: 'ReadStatus',
  cost: 'ReadCost',
  access: 'CheckAccess',
};

/**
 * The statement that allows the actions of a purpose other than `power`.
 *
 * @public
 */
export function readSid(purpose: AwsActionPurpose): string {
  return (
    READ_SIDS[purpose] ??
    `Read${purpose
      .replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, _s, c: string) =>
        c.toUpperCase(),
      )
      .replace(/[^A-Za-z0-9]/g, '')}`
  );
}

/** @public */
export const POWER_ALLOW_SID = 'ChangePowerOfAppResources';
/** @public */
export const POWER_DENY_SID = 'NeverChangePowerOfProtectedStages';

/**
 * The policy of the role the portal assumes in a clinic account, generated
 * from the one list of actions (docs/architecture.md, "The AWS access"):
 *
 * - reads (every purpose but `power`: `discover`, `status`, `cost`, `access`,
 *   and any purpose added later, each its own statement) on `*`: the Tagging API, Cost
 *   Explorer, `lambda:ListFunctions`, `rds:Describe*` listings and
 *   `cloudwatch:GetMetricData` take no resource, and the portal reads what it
 *   finds by tags, in every region;
 * - power actions only on resources carrying the app tag;
 * - an explicit Deny of every power action on resources tagged with a
 *   protected stage, which backs the backend's own guard (`prod` is never put
 *   to sleep) even when the backend is wrong.
 *
 * The Deny names the account's resources of each service that has a power
 * action (`arn:<partition>:<service>:*:<account>:*`) rather than `*`: on AWS
 * that is the same set (power actions act only on such resources), and
 * moto_server, which treats every Condition as met and matches Resource only
 * against `*`, then leaves it to this document's tests instead of denying every
 * power action (see `iamEnforced.test.ts` in the backend).
 *
 * @public
 */
export function spokePolicyDocument(
  options: SpokePolicyOptions,
): PolicyDocumentJson {
  const actions = options.actions ?? AWS_ACTIONS;
  const appTag = options.appTag ?? {
    key: DEFAULT_TAG_KEYS.app,
    value: APP_NAME,
  };
  const stageTagKey = options.stageTagKey ?? DEFAULT_TAG_KEYS.stage;
  const protectedStages = options.protectedStages ?? [
    ...DEFAULT_PROTECTED_STAGES,
  ];
  const of = (purpose: AwsActionPurpose) =>
    actions
      .filter(a => a.purpose === purpose)
      .map(a => a.action)
      .sort();

  // Reads in the order the list first names their purpose.
  const readPurposes = [
    ...new Set(actions.map(a => a.purpose).filter(p => p !== 'power')),
  ];
  const statements: PolicyStatementJson[] = readPurposes.map(purpose => ({
    Sid: readSid(purpose),
    Effect: 'Allow',
    Action: of(purpose),
    Resource: '*',
  }));

  const power = of('power');
  if (power.length > 0) {
    const services = [...new Set(power.map(a => a.split(':')[0]))].sort();
    statements.push(
      {
        Sid: POWER_ALLOW_SID,
        Effect: 'Allow',
        Action: power,
        Resource: '*',
        Condition: {
          StringEquals: { [`aws:ResourceTag/${appTag.key}`]: appTag.value },
        },
      },
      {
        Sid: POWER_DENY_SID,
        Effect: 'Deny',
        Action: power,
        Resource: services.map(
          s => `arn:${options.partition}:${s}:*:${options.accountId}:*`,
        ),
        Condition: {
          StringEquals: { [`aws:ResourceTag/${stageTagKey}`]: protectedStages },
        },
      },
    );
  }
  return { Version: '2012-10-17', Statement: statements };
}
