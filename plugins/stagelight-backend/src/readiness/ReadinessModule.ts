import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Clock } from '../clock/Clock';
import { ReadinessSettings } from '../config/StagelightConfig';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { DeployMarkerProbe, HttpDeployMarkerProbe } from './DeployMarkerProbe';
import { abortableSleep, MarkerWaiter } from './MarkerWaiter';
import { createReadinessRouter } from './router';

/** Deploy-marker readiness: the probe status and power share, and the pipelines' wait. */
export interface ReadinessModule {
  probe: DeployMarkerProbe;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    lookup: EnvironmentLookup;
  }): express.Router;
}

export function createReadinessModule(o: {
  readiness: ReadinessSettings;
  clock: Clock;
}): ReadinessModule {
  const probe = new HttpDeployMarkerProbe(o.readiness.probeTimeoutMs);
  const waiter = new MarkerWaiter({
    probe,
    clock: o.clock,
    sleep: abortableSleep,
    pollIntervalMs: o.readiness.pollIntervalMs,
  });
  return {
    probe,
    router: deps =>
      createReadinessRouter({ ...deps, waiter, readiness: o.readiness }),
  };
}
