import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  parseEnvironmentResourceRef,
  STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE,
  stagelightPermissions,
} from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import {
  stagelightEnvironmentResourceRef,
  stagelightEnvironmentRules,
} from './rules';

const isEnvironmentPermission = (p: (typeof stagelightPermissions)[number]) =>
  isResourcePermission(p, STAGELIGHT_ENVIRONMENT_RESOURCE_TYPE);

/**
 * Registers every Stagelight permission: read and cost as basic permissions,
 * the power permissions with the environment resource type, its rules and
 * the loader the permission backend calls to apply a policy's conditions.
 * Environments are loaded from the status snapshot, never from AWS; one
 * missing there (unknown, or before the first refresh) is denied by the
 * framework (docs/architecture.md, "Security and audit").
 */
export function registerStagelightPermissions(
  registry: PermissionsRegistryService,
  environments: Pick<EnvironmentStore, 'get'>,
): void {
  registry.addPermissions(
    stagelightPermissions.filter(p => !isEnvironmentPermission(p)),
  );
  registry.addResourceType({
    resourceRef: stagelightEnvironmentResourceRef,
    permissions: stagelightPermissions.filter(isEnvironmentPermission),
    rules: Object.values(stagelightEnvironmentRules),
    getResources: resourceRefs =>
      Promise.all(
        resourceRefs.map(async ref => {
          const env = parseEnvironmentResourceRef(ref);
          return env ? environments.get(env.clinic, env.stage) : undefined;
        }),
      ),
  });
}
