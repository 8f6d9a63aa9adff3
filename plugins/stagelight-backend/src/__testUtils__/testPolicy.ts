import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import type { PolicyDecision } from '@backstage/plugin-permission-common';

/** A permission backend module that installs `handle` as the whole policy (tests only). */
export function testPolicyModule(
  moduleId: string,
  handle: (req: PolicyQuery, user?: PolicyQueryUser) => Promise<PolicyDecision>,
) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({ handle });
        },
      });
    },
  });
}
