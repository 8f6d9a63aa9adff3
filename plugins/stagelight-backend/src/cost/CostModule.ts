import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { Clock } from '../clock/Clock';
import { utcDay } from './calendar';
import {
  CostExplorerAdapter,
  CostExplorerClientFactory,
} from './CostExplorerAdapter';
import { CostSettings } from './CostSettings';
import { CostStore } from './CostStore';
import { createCostRouter } from './http/router';
import { PowerHistory } from './PowerHistory';
import { PowerHistoryRecorder } from './PowerHistoryRecorder';
import { CostRefresher } from './refresh/CostRefresher';
import { CostData } from './reports/CostData';
import { CostProjection } from './reports/CostProjection';
import { CostReports } from './reports/CostReports';

export interface CostModuleOptions {
  knex: Knex;
  settings: CostSettings;
  clientFactory: CostExplorerClientFactory;
  clock: Clock;
  logger: LoggerService;
}

/** Cost wired together: one store, history and Cost Explorer adapter, shared by its parts. */
export interface CostModule {
  refresher: CostRefresher;
  reports: CostReports;
  projection: CostProjection;
  /** The stored cost data every report reads (the power timeline's cost per day too). */
  data: CostData;
  history: PowerHistory;
  /** Add to the status refresher: records each snapshot's power states. */
  powerHistoryRecorder: PowerHistoryRecorder;
  /** Schedules the hourly refresh (global), which reads AWS only when the data is stale. */
  start(deps: { scheduler: SchedulerService }): Promise<void>;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
}

export function createCostModule(o: CostModuleOptions): CostModule {
  const store = new CostStore(o.knex);
  const history = new PowerHistory(o.knex);
  // Every page Cost Explorer answers is counted against today's budget first.
  const adapter = new CostExplorerAdapter(o.clientFactory, o.settings, () =>
    store.spendRequest(utcDay(o.clock.now()), o.settings.dailyRequestBudget),
  );
  const refresher = new CostRefresher({
    store,
    history,
    adapter,
    settings: o.settings,
    clock: o.clock,
    logger: o.logger,
  });
  const data = new CostData({
    store,
    history,
    refresher,
    settings: o.settings,
    clock: o.clock,
  });
  const reports = new CostReports({
    data,
    store,
    settings: o.settings,
    clock: o.clock,
  });
  const projection = new CostProjection({ data, store, clock: o.clock });
  return {
    refresher,
    reports,
    projection,
    data,
    history,
    powerHistoryRecorder: new PowerHistoryRecorder(history),
    async start({ scheduler }) {
      await scheduler.scheduleTask({
        id: 'stagelight-cost-refresh',
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
        scope: 'global',
        // Reads Cost Explorer only when the stored data is older than its TTL
        // and the daily request budget allows it.
        fn: async () => {
          await refresher.refreshIfStale();
        },
      });
    },
    router: deps => createCostRouter({ ...deps, reports, projection }),
  };
}
