import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ListClinicsResponse,
  ListEnvironmentsResponse,
  PowerState,
  stagelightEnvironmentReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../clock/Clock';
import { StagelightSettings } from '../config/StagelightConfig';
import { permissionMiddleware } from '../permissions/authorize';
import {
  dataAgeSeconds,
  toDetail,
  toSummary,
} from '../snapshot/EnvironmentRecord';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';

export interface StatusRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  lookup: EnvironmentLookup;
  settings: Pick<StagelightSettings, 'stages'>;
  clock: Clock;
}

/** Reading the status snapshot: the fleet, one environment, the clinics. */
export function createStatusRouter(
  options: StatusRouterOptions,
): express.Router {
  const { lookup, settings, clock } = options;
  const stageNames = settings.stages.map(s => s.name);
  const router = Router();
  const canRead = permissionMiddleware(
    options,
    stagelightEnvironmentReadPermission,
    'Not allowed to read Stagelight environments',
  );

  router.get('/environments', canRead, async (req, res) => {
    const { clinic, stage, power, include } = req.query as Record<
      string,
      string | undefined
    >;
    if (stage !== undefined && !stageNames.includes(stage)) {
      throw new InputError(
        `Invalid query: stage must be one of ${stageNames.join(', ')}`,
      );
    }
    const snapshot = await lookup.snapshot();
    const now = clock.now();
    const records = snapshot.records.filter(
      r =>
        (!clinic || r.clinic === clinic) &&
        (!stage || r.stage === stage) &&
        (!power || r.power === (power as PowerState)),
    );
    const body: ListEnvironmentsResponse = {
      items:
        include === 'resources'
          ? records.map(r => toDetail(r, now))
          : records.map(r => toSummary(r, now)),
      stages: settings.stages,
      refreshedAt: snapshot.refreshedAt,
      dataAgeSeconds: dataAgeSeconds(snapshot.refreshedAt, now),
    };
    res.json(body);
  });

  router.get('/environments/:clinic/:stage', canRead, async (req, res) => {
    const record = await lookup.environment(
      req.params.clinic,
      req.params.stage,
    );
    res.json(toDetail(record, clock.now()));
  });

  router.get('/clinics', canRead, async (_req, res) => {
    const snapshot = await lookup.snapshot();
    const clinics = new Map<string, ListClinicsResponse['items'][number]>();
    for (const r of snapshot.records) {
      let entry = clinics.get(r.clinic);
      if (!entry) {
        entry = { clinic: r.clinic, owner: r.owner, stages: [] };
        clinics.set(r.clinic, entry);
      }
      entry.owner ??= r.owner;
      entry.stages.push({
        stage: r.stage,
        power: r.power,
        readiness: r.readiness,
      });
    }
    const body: ListClinicsResponse = { items: [...clinics.values()] };
    res.json(body);
  });

  return router;
}
