import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { AccountCredentials } from '../aws/AccountCredentials';
import { AwsClientFactory } from '../aws/AwsClientFactory';
import { TaggingAdapter } from '../aws/TaggingAdapter';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import type { CostExplorerClientFactory } from '../cost';
import { DeployMarkerProbe } from '../readiness/DeployMarkerProbe';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import { DoctorService } from './DoctorService';
import { createDoctorRouter } from './router';

/** How long one examination is served to everyone who asks. */
const REPORT_MAX_AGE_MS = 30_000;

/** The doctor: per configured account and region, what the portal reaches and finds (docs/architecture.md, "The doctor"). */
export interface DoctorModule {
  doctor: DoctorService;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
}

export function createDoctorModule(o: {
  settings: StagelightSettings;
  factory: AwsClientFactory;
  credentials: AccountCredentials;
  costClientFactory: CostExplorerClientFactory;
  store: Pick<EnvironmentStore, 'snapshot'>;
  probe: DeployMarkerProbe;
  clock: Clock;
}): DoctorModule {
  const doctor = new DoctorService({
    factory: o.factory,
    tagging: new TaggingAdapter(o.factory),
    settings: o.settings,
    roleOf: accountId => o.credentials.roleOf(accountId),
    store: o.store,
    probe: o.probe,
    costClientFactory: o.costClientFactory,
    clock: o.clock,
    maxAgeMs: REPORT_MAX_AGE_MS,
  });
  return {
    doctor,
    router: deps => createDoctorRouter({ ...deps, doctor }),
  };
}
