import { Config } from '@backstage/config';
import {
  stagelightAdminPermission,
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * Who may do what in Stagelight (docs/architecture.md, "Security and audit"): leads act, managers read cost, platform admins see the doctor's details, everyone reads status.
 *
 * @public
 */
export type StagelightRole = 'lead' | 'manager' | 'admin';

/**
 * The catalog groups that carry each role.
 *
 * @public
 */
export interface RoleGroups {
  leads: string[];
  managers: string[];
  /** Platform admins: the doctor's details (role ARNs, AWS errors, IAM permissions). */
  admins: string[];
}

/** @public */
export function readRoleGroups(config: Config): RoleGroups {
  const policy = config.getOptionalConfig('stagelight.policy');
  return {
    leads: policy?.getOptionalStringArray('leads') ?? ['group:default/leads'],
    managers: policy?.getOptionalStringArray('managers') ?? [
      'group:default/managers',
    ],
    admins: policy?.getOptionalStringArray('admins') ?? [
      'group:default/platform-admins',
    ],
  };
}

/**
 * The roles a user holds, from their own ref and their groups' refs.
 *
 * @public
 */
export function rolesOf(
  ownershipEntityRefs: string[],
  groups: RoleGroups,
): Set<StagelightRole> {
  const refs = new Set(
    ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')),
  );
  const holds = (list: string[]) =>
    list.some(g => refs.has(g.toLocaleLowerCase('en-US')));
  const roles = new Set<StagelightRole>();
  if (holds(groups.leads)) roles.add('lead');
  if (holds(groups.managers)) roles.add('manager');
  if (holds(groups.admins)) roles.add('admin');
  return roles;
}

/**
 * Which roles grant each Stagelight permission; `everyone` means any signed-in
 * user. A Stagelight permission missing here is denied, so a new one is closed
 * until someone decides who gets it.
 */
const GRANTS: Record<string, 'everyone' | StagelightRole[]> = {
  [stagelightEnvironmentReadPermission.name]: 'everyone',
  [stagelightEnvironmentWakePermission.name]: ['lead'],
  [stagelightEnvironmentSleepPermission.name]: ['lead'],
  [stagelightScheduleEditPermission.name]: ['lead'],
  [stagelightCostReadPermission.name]: ['lead', 'manager'],
  [stagelightAdminPermission.name]: ['admin'],
};

export function isStagelightPermission(name: string): boolean {
  return name.startsWith('stagelight.');
}

/**
 * Whether a user with these roles holds a Stagelight permission.
 *
 * @public
 */
export function userMay(
  permissionName: string,
  roles: Set<StagelightRole>,
): boolean {
  const grant = GRANTS[permissionName];
  if (!grant) return false;
  return grant === 'everyone' || grant.some(r => roles.has(r));
}
