import { Knex } from 'knex';
import {
  AuditorService,
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import express from 'express';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { EcsPowerAdapter } from '../aws/EcsPowerAdapter';
import { RdsPowerAdapter } from '../aws/RdsPowerAdapter';
import { ScalingAdapter } from '../aws/ScalingAdapter';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import {
  DeployMarkerProbe,
  HttpDeployMarkerProbe,
} from '../readiness/DeployMarkerProbe';
import { abortableSleep, Sleep } from '../readiness/MarkerWaiter';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import { OperationEndAudit } from './audit/OperationEndAudit';
import { PowerAuditLog } from './audit/PowerAuditLog';
import { PowerAuditor } from './audit/PowerAuditor';
import { PowerEngine, PowerObserver } from './engine/PowerEngine';
import { PowerStore } from './engine/PowerStore';
import { PowerRequests } from './http/requests';
import { createPowerRouter } from './http/router';
import { LeaseWarnings, LeaseWarningsResult } from './notify/LeaseWarnings';
import { LeaseWarningStore } from './notify/LeaseWarningStore';
import { PowerSettings } from './PowerSettings';
import { LeaseService } from './service/LeaseService';
import { PowerService } from './service/PowerService';
import {
  ApplySchedulesResult,
  ScheduleApplier,
} from './service/ScheduleApplier';
import { ScheduleService } from './service/ScheduleService';
import { WakeDurations } from './wakeDuration/WakeDurations';

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
  /** Where warnings of a coming sleep go; without it none are sent. */
  notifications?: NotificationService;
}

/** Wake and sleep wired together: one engine per backend instance. */
export interface PowerModule {
  service: PowerService;
  leases: LeaseService;
  schedules: ScheduleService;
  requests: PowerRequests;
  /** How long waking each environment usually takes, from the stored operations. */
  wakeDurations: WakeDurations;
  engine: PowerEngine;
  auditor: PowerAuditor;
  auditLog: PowerAuditLog;
  /** Resumes operations left unfinished by a restart; call once at start-up. */
  resume(): Promise<number>;
  /** The scheduled task's body (run it with scope 'global'). */
  applySchedules(): Promise<ApplySchedulesResult>;
  /** The lease warning task's body (run it with scope 'global'). */
  warnOfSleeps(): Promise<LeaseWarningsResult>;
  /**
   * Resumes unfinished operations, schedules the schedule pass (global), the
   * lease warnings (global) and the pick-up of operations whose replica died
   * (local), and stops the engine at shutdown.
   */
  start(deps: {
    scheduler: SchedulerService;
    lifecycle: LifecycleService;
  }): Promise<void>;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
  /** Stops after the current step of each running operation (shutdown). */
  stop(): Promise<void>;
}

export function createPowerModule(o: PowerModuleOptions): PowerModule {
  const store = new PowerStore(o.knex);
  const auditLog = new PowerAuditLog(o.knex);
  const lookup = new EnvironmentLookup({
    store: o.store,
    stages: o.settings.stages.map(s => s.name),
  });
  const engine = new PowerEngine({
    store,
    ecs: new EcsPowerAdapter(o.factory),
    rds: new RdsPowerAdapter(o.factory),
    scaling: new ScalingAdapter(o.factory),
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
  const leases = new LeaseService({
    store,
    lookup,
    power: o.power,
    clock: o.clock,
  });
  const schedules = new ScheduleService({
    store,
    lookup,
    power: o.power,
    clock: o.clock,
  });
  const service = new PowerService({
    engine,
    store,
    lookup,
    leases,
    schedules,
    settings: o.settings,
    clock: o.clock,
  });
  const applier = new ScheduleApplier({
    engine,
    store,
    environments: o.store,
    schedules,
    settings: o.settings,
    logger: o.logger,
  });
  const warnings = new LeaseWarnings({
    schedules,
    warnings: new LeaseWarningStore(o.knex),
    environments: o.store,
    power: o.power,
    notifications: o.notifications,
    logger: o.logger,
  });
  const requests = new PowerRequests(o.power);
  const auditor = new PowerAuditor({
    auditor: o.auditor,
    log: auditLog,
    clock: o.clock,
  });
  const wakeDurations = new WakeDurations({ store, lookup });
  const handlers = { lookup, service, leases, schedules, requests };
  return {
    service,
    leases,
    schedules,
    requests,
    wakeDurations,
    engine,
    auditor,
    auditLog,
    resume: () => engine.resumeUnfinished(),
    applySchedules: () => applier.apply(o.clock.now()),
    warnOfSleeps: () => warnings.send(o.clock.now()),
    async start({ scheduler, lifecycle }) {
      // Operations a previous run of this replica left unfinished.
      await engine.resumeUnfinished();
      lifecycle.addShutdownHook(() => engine.stop());
      await scheduler.scheduleTask({
        id: 'stagelight-power-schedules',
        frequency: o.power.applyInterval,
        timeout: { minutes: 2 },
        scope: 'global',
        fn: async () => {
          await applier.apply(o.clock.now());
        },
      });
      await scheduler.scheduleTask({
        // Tells lease holders and today's wakers before a sleep (sent once, claimed in the database).
        id: 'stagelight-lease-warnings',
        frequency: o.power.leaseWarning.interval,
        timeout: { minutes: 2 },
        scope: 'global',
        fn: async () => {
          await warnings.send(o.clock.now());
        },
      });
      await scheduler.scheduleTask({
        // Picks up operations of a replica that died, once their lock has expired.
        id: 'stagelight-power-resume',
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
        scope: 'local',
        fn: async () => {
          await engine.resumeUnfinished();
        },
      });
    },
    router: ({ httpAuth, permissions }) =>
      createPowerRouter({
        ...handlers,
        wakeDurations,
        auditor,
        auditLog,
        httpAuth,
        permissions,
      }),
    stop: () => engine.stop(),
  };
}
