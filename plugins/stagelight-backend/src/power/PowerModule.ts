import { Knex } from 'knex';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { EcsPowerAdapter } from '../aws/EcsPowerAdapter';
import { RdsPowerAdapter } from '../aws/RdsPowerAdapter';
import { StagelightSettings } from '../config/StagelightConfig';
import { EnvironmentStore } from '../inventory/EnvironmentStore';
import {
  DeployMarkerProbe,
  HttpDeployMarkerProbe,
} from '../readiness/DeployMarkerProbe';
import { abortableSleep, Sleep } from '../readiness/MarkerWaiter';
import { Clock } from '../status/Clock';
import { OperationEndAudit } from './OperationEndAudit';
import { PowerAuditLog } from './PowerAuditLog';
import { PowerAuditor } from './PowerAuditor';
import { PowerEngine, PowerObserver } from './PowerEngine';
import { PowerSettings } from './PowerSettings';
import { ApplySchedulesResult, PowerService } from './PowerService';
import { PowerStore } from './PowerStore';
import { createPowerRouter } from './router';
import { registerPowerActions } from './actions';
import { PowerGuard } from './PowerGuard';

export interface PowerModuleOptions {
  knex: Knex;
  settings: StagelightSettings;
  power: PowerSettings;
  factory: AwsClientFactory;
  store: EnvironmentStore;
  clock: Clock;
  logger: LoggerService;
  auditor: AuditorService;
  /** Defaults to the HTTP probe with the readiness probe timeout. */
  probe?: DeployMarkerProbe;
  sleep?: Sleep;
  /** Progress (signals) and completion (notifications) hooks. */
  observers?: PowerObserver[];
  /** Names this engine in lock rows (tests run two engines on one database). */
  owner?: string;
}

/** Wake and sleep wired together: one engine per backend instance. */
export interface PowerModule {
  service: PowerService;
  engine: PowerEngine;
  auditor: PowerAuditor;
  auditLog: PowerAuditLog;
  /** Resumes operations left unfinished by a restart; call once at start-up. */
  resume(): Promise<number>;
  /** The scheduled task's body (run it with scope 'global'). */
  applySchedules(): Promise<ApplySchedulesResult>;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): ReturnType<typeof createPowerRouter>;
  /** Registers get-environment-status, wake-environment and sleep-environment. */
  registerActions(deps: {
    actionsRegistry: ActionsRegistryService;
    permissions: PermissionsService;
  }): void;
  /** Stops after the current step of each running operation (shutdown). */
  stop(): Promise<void>;
}

export function createPowerModule(o: PowerModuleOptions): PowerModule {
  const store = new PowerStore(o.knex);
  const auditLog = new PowerAuditLog(o.knex);
  const engine = new PowerEngine({
    store,
    ecs: new EcsPowerAdapter(o.factory),
    rds: new RdsPowerAdapter(o.factory),
    probe:
      o.probe ?? new HttpDeployMarkerProbe(o.settings.readiness.probeTimeoutMs),
    clock: o.clock,
    sleep: o.sleep ?? abortableSleep,
    logger: o.logger,
    settings: o.power,
    // The end is in the history before anyone is told of it.
    observers: [
      new OperationEndAudit({ log: auditLog, clock: o.clock }),
      ...(o.observers ?? []),
    ],
    owner: o.owner,
  });
  const service = new PowerService({
    engine,
    store,
    environments: o.store,
    settings: o.settings,
    power: o.power,
    clock: o.clock,
    logger: o.logger,
  });
  const auditor = new PowerAuditor({
    auditor: o.auditor,
    log: auditLog,
    clock: o.clock,
  });
  return {
    service,
    engine,
    auditor,
    auditLog,
    resume: () => engine.resumeUnfinished(),
    applySchedules: () => service.applySchedules(o.clock.now()),
    router: deps => createPowerRouter({ service, auditor, auditLog, ...deps }),
    registerActions: deps =>
      registerPowerActions({
        actionsRegistry: deps.actionsRegistry,
        service,
        guard: new PowerGuard({ permissions: deps.permissions, auditor }),
        clock: o.clock,
      }),
    stop: () => engine.stop(),
  };
}
