import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  DoctorAccess,
  DoctorAccount,
  PermissionCheck,
  PermissionCheckState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { APP_NAME } from '@stagelight/tag-contract';
import { AccountRole } from '../aws/AccountCredentials';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { AwsLocation } from '../aws/AwsLocation';
import { TaggingAdapter } from '../aws/TaggingAdapter';
import { StagelightSettings } from '../config/StagelightConfig';
import {
  discoverEnvironments,
  findUnassigned,
  TargetListing,
} from '../inventory/discoverEnvironments';
import { checkPermissions } from './permissionProbes';

export interface AccountCheckDeps {
  factory: AwsClientFactory;
  tagging: TaggingAdapter;
  settings: Pick<StagelightSettings, 'tags' | 'stages'>;
  /** The role configured for an account, if any. */
  roleOf(accountId: string): AccountRole | undefined;
}

const errorName = (error: unknown) => (error as Error)?.name ?? 'Error';
const errorMessage = (error: unknown) =>
  (error as Error)?.message ?? String(error);

function countStates(checks: PermissionCheck[]) {
  const counts: Record<PermissionCheckState, number> = {
    present: 0,
    missing: 0,
    'not-probed': 0,
    'could-not-check': 0,
  };
  for (const c of checks) counts[c.state]++;
  return counts;
}

/**
 * Whether the portal gets into the account: sts:GetCallerIdentity with the
 * account's credentials, which assumes the configured role first. The error
 * is AssumeRole's own when the role cannot be assumed.
 */
async function checkAccess(
  deps: AccountCheckDeps,
  where: AwsLocation,
): Promise<DoctorAccess> {
  const role = where.accountId ? deps.roleOf(where.accountId) : undefined;
  const roleArn = role?.roleArn ?? null;
  try {
    const identity = await deps.factory.call('sts', where, c =>
      c.send(new GetCallerIdentityCommand({})),
    );
    return {
      state: role ? 'assumed' : 'direct',
      roleArn,
      identity: identity.Arn ?? null,
      errorName: null,
      error: null,
    };
  } catch (error) {
    return {
      state: 'failed',
      roleArn,
      identity: null,
      errorName: errorName(error),
      error: errorMessage(error),
    };
  }
}

/** Everything the doctor says about one configured account and region, details included. */
export async function checkAccount(
  deps: AccountCheckDeps,
  where: AwsLocation,
  now: Date,
): Promise<DoctorAccount> {
  const access = await checkAccess(deps, where);
  const base = {
    accountId: where.accountId ?? null,
    region: where.region,
    access,
  };
  if (access.state === 'failed') {
    const permissions: PermissionCheck[] = [];
    return {
      ...base,
      taggedResources: null,
      listingError: 'no access to the account',
      environments: [],
      unassignedCount: 0,
      unassigned: [],
      permissionCounts: countStates(permissions),
      permissions,
    };
  }
  const { tags, stages } = deps.settings;
  const [listing, permissions] = await Promise.all([
    deps.tagging
      .listByTag(where, { key: tags.app, value: APP_NAME })
      .then(resources => ({ resources }))
      .catch((error: unknown) => ({ error })),
    checkPermissions(deps.factory, where, now),
  ]);
  const counts = countStates(permissions);
  if ('error' in listing) {
    return {
      ...base,
      taggedResources: null,
      listingError: `${errorName(listing.error)}: ${errorMessage(
        listing.error,
      )}`,
      environments: [],
      unassignedCount: 0,
      unassigned: [],
      permissionCounts: counts,
      permissions,
    };
  }
  const listings: TargetListing[] = [
    { target: where, resources: listing.resources },
  ];
  const environments = discoverEnvironments(listings, tags, stages).map(e => ({
    clinic: e.clinic,
    stage: e.stage,
    resources: e.resources.length,
  }));
  const unassigned = findUnassigned(listings, tags, stages).map(u => ({
    arn: u.arn,
    clinic: u.clinic,
    stage: u.stage,
    reason: u.reason,
  }));
  return {
    ...base,
    taggedResources: new Set(listing.resources.map(r => r.arn)).size,
    listingError: null,
    environments,
    unassignedCount: unassigned.length,
    unassigned,
    permissionCounts: counts,
    permissions,
  };
}
