import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the inventory, status, queue depth and readiness of environments.
 * Everyone who may see the portal usually holds it (design §7).
 */
export const stagelightEnvironmentReadPermission = createPermission({
  name: 'stagelight.environment.read',
  attributes: { action: 'read' },
});

/** Every permission the Stagelight backend registers. Later issues add wake/sleep, schedule and cost. */
export const stagelightPermissions = [stagelightEnvironmentReadPermission];
