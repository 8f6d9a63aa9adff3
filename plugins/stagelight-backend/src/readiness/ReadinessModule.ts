import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Clock } from '../clock/Clock';
import { ReadinessSettings } from '../config/StagelightConfig';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { DeployMarkerProbe, HttpDeployMarkerProbe } from './DeployMarkerProbe';
import { DeployMarkerWait } from './DeployMarkerWait';
import { abortableSleep, MarkerWaiter } from './MarkerWaiter';
import { createReadinessRouter } from './router';

/** Deploy-marker readiness: the probe status and power share, and the pipelines' wait. */
export interface ReadinessModule {
  probe: DeployMarkerProbe;
  /** The bounded wait for a deploy marker (the route's and the action's). */
  markerWait: DeployMarkerWait;
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
  const markerWait = new DeployMarkerWait({ waiter, readiness: o.readiness });
  return {
    probe,
    markerWait,
    router: deps => createReadinessRouter({ ...deps, markerWait }),
  };
}
