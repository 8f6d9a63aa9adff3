import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the inventory, status, queue depth and readiness of environments.
 * Everyone who may see the portal usually holds it (docs/architecture.md, "Security and audit").
 */
export const stagelightEnvironmentReadPermission = createPermission({
  name: 'stagelight.environment.read',
  attributes: { action: 'read' },
});

/** Wake an environment, hold it awake with a lease, extend a lease (docs/architecture.md, "Power" and "Security and audit"). */
export const stagelightEnvironmentWakePermission = createPermission({
  name: 'stagelight.environment.wake',
  attributes: { action: 'update' },
});

/** Put an environment to sleep or end its lease early. Protected stages refuse it whatever the permission. */
export const stagelightEnvironmentSleepPermission = createPermission({
  name: 'stagelight.environment.sleep',
  attributes: { action: 'update' },
});

/** Replace an environment's schedule override. */
export const stagelightScheduleEditPermission = createPermission({
  name: 'stagelight.schedule.edit',
  attributes: { action: 'update' },
});

/** The power permissions. */
export const stagelightPowerPermissions = [
  stagelightEnvironmentWakePermission,
  stagelightEnvironmentSleepPermission,
  stagelightScheduleEditPermission,
];

/**
 * Read cost, forecasts, savings and projections. Managers and leads hold it in
 * the default policy (docs/architecture.md, "Security and audit"); it is checked on every cost route.
 */
export const stagelightCostReadPermission = createPermission({
  name: 'stagelight.cost.read',
  attributes: { action: 'read' },
});

/** The cost permissions. */
export const stagelightCostPermissions = [stagelightCostReadPermission];

/** Every permission the Stagelight backend registers: the one list of their names. */
export const stagelightPermissions = [
  stagelightEnvironmentReadPermission,
  ...stagelightPowerPermissions,
  ...stagelightCostPermissions,
];
