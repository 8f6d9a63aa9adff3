import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of one environment (a clinic in a stage): wake, sleep and
 * schedule edits are decided per environment, so a policy can let leads act
 * on the clinics their groups own (docs/architecture.md, "Security and
 * audit"). Resource refs are {@link environmentResourceRef}.
 *
 * @public
 */
export const STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE = 'stagelight-environment';

/**
 * A permission decided for one environment.
 *
 * @public
 */
export type StagelightEnvironmentPermission = ResourcePermission<
  typeof STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE
>;

/**
 * The resource ref of an environment, `<clinic>/<stage>`: what the frontend and the backend authorize with.
 *
 * @public
 */
export function environmentResourceRef(env: {
  clinic: string;
  stage: string;
}): string {
  return `${env.clinic}/${env.stage}`;
}

/**
 * The environment a resource ref names; undefined for anything else. Clinic
 * ids never contain a slash (the tag contract's clinic id rule), so the first
 * slash separates the two.
 *
 * @public
 */
export function parseEnvironmentResourceRef(
  resourceRef: string,
): { clinic: string; stage: string } | undefined {
  const slash = resourceRef.indexOf('/');
  if (slash <= 0 || slash === resourceRef.length - 1) return undefined;
  const clinic = resourceRef.slice(0, slash);
  const stage = resourceRef.slice(slash + 1);
  if (stage.includes('/')) return undefined;
  return { clinic, stage };
}

/**
 * Read the inventory, status, queue depth and readiness of environments.
 * Everyone who may see the portal usually holds it (docs/architecture.md, "Security and audit").
 *
 * @public
 */
export const stagelightEnvironmentReadPermission = createPermission({
  name: 'stagelight.environment.read',
  attributes: { action: 'read' },
});

/**
 * Wake an environment, hold it awake with a lease, extend a lease (docs/architecture.md, "Power" and "Security and audit").
 *
 * @public
 */
export const stagelightEnvironmentWakePermission = createPermission({
  name: 'stagelight.environment.wake',
  attributes: { action: 'update' },
  resourceType: STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Put an environment to sleep or end its lease early. Protected stages refuse it whatever the permission.
 *
 * @public
 */
export const stagelightEnvironmentSleepPermission = createPermission({
  name: 'stagelight.environment.sleep',
  attributes: { action: 'update' },
  resourceType: STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * Replace or remove an environment's schedule override.
 *
 * @public
 */
export const stagelightScheduleEditPermission = createPermission({
  name: 'stagelight.schedule.edit',
  attributes: { action: 'update' },
  resourceType: STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * The power permissions: each decided for one environment.
 *
 * @public
 */
export const stagelightPowerPermissions: StagelightEnvironmentPermission[] = [
  stagelightEnvironmentWakePermission,
  stagelightEnvironmentSleepPermission,
  stagelightScheduleEditPermission,
];

/**
 * Read cost, forecasts, savings and projections. Managers and leads hold it in
 * the default policy (docs/architecture.md, "Security and audit"); it is checked on every cost route.
 *
 * @public
 */
export const stagelightCostReadPermission = createPermission({
  name: 'stagelight.cost.read',
  attributes: { action: 'read' },
});

/**
 * The cost permissions.
 *
 * @public
 */
export const stagelightCostPermissions = [stagelightCostReadPermission];

/**
 * See the doctor's details: role ARNs, AWS error messages, each IAM
 * permission, the ARNs of resources no environment takes, readiness URLs.
 * Platform admins hold it in the default policy; every signed-in user gets
 * the doctor's summary without it.
 *
 * @public
 */
export const stagelightAdminPermission = createPermission({
  name: 'stagelight.admin',
  attributes: { action: 'read' },
});

/**
 * Every permission the Stagelight backend registers: the one list of their names.
 *
 * @public
 */
export const stagelightPermissions = [
  stagelightEnvironmentReadPermission,
  ...stagelightPowerPermissions,
  ...stagelightCostPermissions,
  stagelightAdminPermission,
];
