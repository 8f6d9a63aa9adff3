import { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { Clock } from '../clock/Clock';
import { CostModule } from '../cost';
import { PowerModule } from '../power';
import { PowerGuard } from '../power/http/PowerGuard';
import { DeployMarkerWait } from '../readiness/DeployMarkerWait';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { registerCostActions } from './costActions';
import { registerEnvironmentActions } from './environmentActions';
import { registerLeaseActions } from './leaseActions';
import { registerPowerActions } from './powerActions';
import { registerReadinessActions } from './readinessActions';
import { registerScheduleActions } from './scheduleActions';

export interface StagelightActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  lookup: EnvironmentLookup;
  stages: string[];
  power: Pick<
    PowerModule,
    'service' | 'leases' | 'schedules' | 'requests' | 'auditor'
  >;
  markerWait: DeployMarkerWait;
  cost: Pick<CostModule, 'reports'>;
  clock: Clock;
}

/**
 * Registers Stagelight's actions, which the MCP actions backend exposes as
 * tools (docs/architecture.md, "Actions (MCP tools)"). Every action goes
 * through the services, request parsing and PowerGuard the HTTP routes use,
 * with the caller's credentials: the same permission decisions, protected-
 * stage refusals and audit records whichever way a change comes in.
 */
export function registerStagelightActions(o: StagelightActionsOptions): void {
  const { actionsRegistry: registry, power } = o;
  const deps = {
    permissions: o.permissions,
    guard: new PowerGuard({
      permissions: o.permissions,
      auditor: power.auditor,
    }),
    lookup: o.lookup,
    stages: o.stages,
    service: power.service,
    leases: power.leases,
    schedules: power.schedules,
    requests: power.requests,
    markerWait: o.markerWait,
    costReports: o.cost.reports,
    clock: o.clock,
  };
  registerEnvironmentActions(registry, deps);
  registerPowerActions(registry, deps);
  registerLeaseActions(registry, deps);
  registerScheduleActions(registry, deps);
  registerReadinessActions(registry, deps);
  registerCostActions(registry, deps);
}
