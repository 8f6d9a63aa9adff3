import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import type { PowerObserver } from '../power/engine/PowerEngine';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { DatabaseEnvironmentStore } from '../snapshot/EnvironmentStore';
import { EnvironmentStatusUpdater } from './EnvironmentStatusUpdater';
import { createStatusRouter } from './router';
import { createStatusAdapters } from './StatusAdapters';
import { StatusCollector } from './StatusCollector';
import { SnapshotObserver, StatusRefresher } from './StatusRefresher';

export interface StatusModuleOptions {
  knex: Knex;
  settings: StagelightSettings;
  factory: AwsClientFactory;
  probe: DeployMarkerProbe;
  clock: Clock;
  logger: LoggerService;
}

/** The status snapshot: read from AWS on a schedule, stored, served. */
export interface StatusModule {
  store: DatabaseEnvironmentStore;
  lookup: EnvironmentLookup;
  collector: StatusCollector;
  refresher: StatusRefresher;
  /** Told of every stored snapshot (cost records its power history). */
  addSnapshotObserver(observer: SnapshotObserver): void;
  /** For the power engine: re-read an environment as soon as an operation on it ends (`refresh.afterOperation`). */
  powerObservers: PowerObserver[];
  /** Schedules the refresh (global): the only reader of AWS for status. */
  start(deps: { scheduler: SchedulerService }): Promise<void>;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
}

export function createStatusModule(o: StatusModuleOptions): StatusModule {
  const { settings, clock, logger } = o;
  const store = new DatabaseEnvironmentStore(
    o.knex,
    clock,
    settings.refresh.memoryTtlMs,
  );
  const lookup = new EnvironmentLookup({
    store,
    stages: settings.stages.map(s => s.name),
  });
  const collector = new StatusCollector({
    adapters: createStatusAdapters(o.factory, settings.aws.endpoint),
    settings,
    probe: o.probe,
    clock,
    logger,
  });
  const observers: SnapshotObserver[] = [];
  const refresher = new StatusRefresher({
    collector,
    store,
    clock,
    logger,
    observers,
  });
  return {
    store,
    lookup,
    collector,
    refresher,
    addSnapshotObserver: observer => observers.push(observer),
    powerObservers: settings.refresh.afterOperation
      ? [new EnvironmentStatusUpdater({ collector, store, logger })]
      : [],
    async start({ scheduler }) {
      await scheduler.scheduleTask({
        id: 'stagelight-status-refresh',
        frequency: settings.refresh.interval,
        timeout: settings.refresh.timeout,
        scope: 'global',
        fn: async () => {
          await refresher.refresh();
        },
      });
    },
    router: deps => createStatusRouter({ ...deps, lookup, settings, clock }),
  };
}
