import type {
  DoctorAccount,
  DoctorCostTags,
  DoctorReadiness,
} from '@stagelight/backstage-plugin-stagelight-common';

/** "Account 222222222222 eu-west-1", or "The main account us-east-1" for a target without an account id. */
export function accountLabel(
  account: Pick<DoctorAccount, 'accountId' | 'region'>,
) {
  return account.accountId
    ? `Account ${account.accountId} ${account.region}`
    : `The main account ${account.region}`;
}

/** The role's name from its ARN (`arn:aws:iam::1:role/path/name` → `name`). */
export function roleName(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/** How the portal got in, in words. */
function accessSentence(account: DoctorAccount): string {
  const { access } = account;
  const role = access.roleArn ? `role ${roleName(access.roleArn)}` : undefined;
  if (access.state === 'failed') {
    const why = [access.errorName, access.error].filter(Boolean).join(': ');
    return `${role ?? 'the account'} could not be ${
      role ? 'assumed' : 'reached'
    }: ${why || 'unknown error'}`;
  }
  if (access.state === 'assumed') return `${role ?? 'its role'} assumed`;
  return 'reached with the main credentials';
}

/**
 * One account and region's answer as a sentence, what an adopter reads
 * first: "Account 222222222222 eu-west-1: role stagelight-spoke could not be
 * assumed: AccessDenied: …".
 */
export function accountSentence(account: DoctorAccount): string {
  const parts = [accessSentence(account)];
  if (account.access.state !== 'failed') {
    if (account.taggedResources === null) {
      parts.push(
        `tagged resources could not be listed: ${
          account.listingError ?? 'unknown error'
        }`,
      );
    } else {
      parts.push(
        `${plural(account.taggedResources, 'tagged resource')} in ${plural(
          account.environments.length,
          'environment',
        )}`,
      );
      if (account.unassignedCount > 0) {
        parts.push(
          `${plural(
            account.unassignedCount,
            'tagged resource',
          )} no environment takes`,
        );
      }
    }
    const missing = account.permissionCounts.missing;
    if (missing > 0) parts.push(`${plural(missing, 'permission')} missing`);
  }
  return `${accountLabel(account)}: ${parts.join('; ')}`;
}

/** Why a tagged resource belongs to no environment, in words. */
export const UNASSIGNED_REASON_TEXT: Record<string, string> = {
  'missing-clinic': 'no clinic tag',
  'invalid-clinic': 'the clinic tag is not a valid clinic id',
  'missing-stage': 'no stage tag',
  'unknown-stage': 'the stage tag names no configured stage',
  'unparsable-arn': 'its ARN could not be read',
};

/** "birch/staging: not reachable: version endpoint answered 503". */
export function readinessSentence(r: DoctorReadiness): string {
  return `${r.clinic}/${r.stage}: ${
    r.reachable ? 'reachable' : `not reachable: ${r.reason ?? 'unknown'}`
  }`;
}

/** The cost allocation tags' answer in words. */
export function costTagsSentence(tags: DoctorCostTags): string {
  if (tags.state === 'active') {
    return 'Cost allocation tags are active: cost is grouped by stage and clinic.';
  }
  if (tags.state === 'inactive') {
    const inactive = tags.tags
      .filter(t => t.status !== 'Active')
      .map(t => t.key);
    return `Cost allocation tags not active: ${inactive.join(', ')}. ${
      tags.reason ?? ''
    }`.trim();
  }
  return `Could not check the cost allocation tags: ${
    tags.reason ?? 'unknown reason'
  }`;
}
