import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readRoleGroups } from './roles';
import { StagelightPermissionPolicy } from './StagelightPermissionPolicy';

/**
 * Installs the Stagelight default policy in place of the allow-all policy.
 *
 * @public
 */
export const permissionModuleStagelightPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'stagelight-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new StagelightPermissionPolicy(readRoleGroups(config), userInfo, {
            perClinicAccess: config.getOptionalBoolean(
              'stagelight.policy.perClinicAccess',
            ),
          }),
        );
      },
    });
  },
});
