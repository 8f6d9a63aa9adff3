import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { isStagelightPermission, RoleGroups, rolesOf, userMay } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The portal's policy. Stagelight permissions follow the role table in
 * roles.ts; every other plugin's permissions are allowed, as with the allow-all
 * policy this replaces. Backend services (e.g. the catalog module reading the
 * inventory) never reach a policy: the permissions service allows them itself.
 * A request without a user is unauthenticated and gets nothing of Stagelight.
 */
export class StagelightPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly groups: RoleGroups,
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const name = request.permission.name;
    if (!isStagelightPermission(name)) return ALLOW;
    if (!user) return DENY;
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(user.credentials);
    return userMay(name, rolesOf(ownershipEntityRefs, this.groups)) ? ALLOW : DENY;
  }
}
