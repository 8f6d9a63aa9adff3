import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createStagelightEnvironmentConditionalDecision,
  stagelightEnvironmentConditions,
} from '@stagelight/backstage-plugin-stagelight-backend';
import { STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE } from '@stagelight/backstage-plugin-stagelight-common';
import { isStagelightPermission, RoleGroups, rolesOf, userMay } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** @public */
export interface StagelightPolicyOptions {
  /**
   * Whether a role's power permissions hold only for the clinics the user's
   * groups own and for unowned ones (`stagelight.policy.perClinicAccess`).
   * Default true.
   */
  perClinicAccess?: boolean;
}

/**
 * The portal's policy. Stagelight permissions follow the role table in
 * roles.ts; every other plugin's permissions are allowed, as with the allow-all
 * policy this replaces. Backend services (e.g. the catalog module reading the
 * inventory) never reach a policy: the permissions service allows them itself.
 * A request without a user is unauthenticated and gets nothing of Stagelight.
 *
 * Wake, sleep and schedule edits are decided per environment: a lead holds
 * them on the clinics the lead's groups own and on unowned ones, as a
 * conditional decision the Stagelight backend applies to the environment
 * (docs/architecture.md, "Security and audit"). Protected stages are never
 * put to sleep whatever this says: the backend refuses that itself.
 *
 * @public
 */
export class StagelightPermissionPolicy implements PermissionPolicy {
  private readonly perClinicAccess: boolean;

  constructor(
    private readonly groups: RoleGroups,
    private readonly userInfo: UserInfoService,
    options: StagelightPolicyOptions = {},
  ) {
    this.perClinicAccess = options.perClinicAccess ?? true;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!isStagelightPermission(permission.name)) return ALLOW;
    if (!user) return DENY;
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    if (!userMay(permission.name, rolesOf(ownershipEntityRefs, this.groups)))
      return DENY;
    if (
      this.perClinicAccess &&
      isResourcePermission(permission, STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE)
    ) {
      const { isClinicOwner, isUnowned } = stagelightEnvironmentConditions;
      // An unowned clinic stays any lead's: owner tags are optional.
      return createStagelightEnvironmentConditionalDecision(permission, {
        anyOf: [isClinicOwner({ claims: ownershipEntityRefs }), isUnowned()],
      });
    }
    return ALLOW;
  }
}
