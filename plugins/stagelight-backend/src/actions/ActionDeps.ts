import { PermissionsService } from '@backstage/backend-plugin-api';
import { Clock } from '../clock/Clock';
import { CostReports } from '../cost/reports/CostReports';
import { PowerGuard } from '../power/http/PowerGuard';
import { PowerRequests } from '../power/http/requests';
import { LeaseService } from '../power/service/LeaseService';
import { PowerService } from '../power/service/PowerService';
import { ScheduleService } from '../power/service/ScheduleService';
import { DeployMarkerWait } from '../readiness/DeployMarkerWait';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';

/**
 * What the actions act through: the same lookup, services, request parsing,
 * guard (permissions and audit) and reports as the HTTP routes.
 */
export interface ActionDeps {
  permissions: PermissionsService;
  guard: PowerGuard;
  lookup: EnvironmentLookup;
  /** The configured stage names. */
  stages: string[];
  service: PowerService;
  leases: LeaseService;
  schedules: ScheduleService;
  requests: PowerRequests;
  markerWait: DeployMarkerWait;
  costReports: CostReports;
  clock: Clock;
}
