import type { Permission } from '@backstage/plugin-permission-common';
import {
  stagelightCostReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';

/**
 * Who holds each Stagelight permission an action asks for, under the default
 * policy (the grants of permission-backend-module-stagelight-policy), in the
 * words a denial uses. A deployment's own policy may differ; the backend
 * decides regardless.
 */
const HOLDERS: Record<string, string> = {
  [stagelightEnvironmentWakePermission.name]: 'leads',
  [stagelightEnvironmentSleepPermission.name]: 'leads',
  [stagelightScheduleEditPermission.name]: 'leads',
  [stagelightCostReadPermission.name]: 'managers and leads',
};

/** Who usually holds `permission`, e.g. "leads"; undefined for one not listed. */
export function holdersOf(permission: Permission): string | undefined {
  return HOLDERS[permission.name];
}
