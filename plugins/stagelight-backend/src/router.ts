import express from 'express';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ListClinicsResponse,
  ListEnvironmentsResponse,
  PowerState,
  stagelightEnvironmentReadPermission,
  WaitForMarkerResponse,
} from '@internal/plugin-stagelight-common';
import { StagelightSettings } from './config/StagelightConfig';
import { EnvironmentStore } from './inventory/EnvironmentStore';
import { MarkerWaiter } from './readiness/MarkerWaiter';
import { probeUrlFor } from './readiness/probeUrl';
import { spec } from './schema/openapi';
import { Clock } from './status/Clock';
import {
  dataAgeSeconds,
  toDetail,
  toSummary,
} from './status/EnvironmentRecord';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: EnvironmentStore;
  waiter: MarkerWaiter;
  settings: StagelightSettings;
  clock: Clock;
}

/**
 * HTTP surface of the plugin. The OpenAPI spec validates the shape of every
 * request; the checks here are the ones that depend on config (the stage list,
 * the longest wait). Everything else is delegated.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, store, waiter, settings, clock } = options;
  const stageNames = settings.stages.map(s => s.name);
  const router = createValidatedOpenApiRouter(spec);

  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: stagelightEnvironmentReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to read Stagelight environments');
    }
    next();
  });

  const snapshotOrFail = async () => {
    const snapshot = await store.snapshot();
    if (!snapshot) {
      throw new ServiceUnavailableError(
        'Stagelight has not finished its first refresh yet; try again shortly',
      );
    }
    return snapshot;
  };

  const environmentOrFail = async (clinic: string, stage: string) => {
    if (!stageNames.includes(stage)) {
      throw new NotFoundError(
        `Unknown stage '${stage}'; stages are ${stageNames.join(', ')}`,
      );
    }
    await snapshotOrFail();
    const record = await store.get(clinic, stage);
    if (!record) {
      throw new NotFoundError(
        `No environment for clinic '${clinic}' in stage '${stage}'`,
      );
    }
    return record;
  };

  router.get('/environments', async (req, res) => {
    const { clinic, stage, power, include } = req.query;
    if (stage !== undefined && !stageNames.includes(stage)) {
      throw new InputError(
        `Invalid query: stage must be one of ${stageNames.join(', ')}`,
      );
    }
    const snapshot = await snapshotOrFail();
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

  router.get('/environments/:clinic/:stage', async (req, res) => {
    const record = await environmentOrFail(req.params.clinic, req.params.stage);
    res.json(toDetail(record, clock.now()));
  });

  router.get('/environments/:clinic/:stage/readiness', async (req, res) => {
    const maxWait = settings.readiness.maxWaitSeconds;
    // Query values arrive as strings; the spec has already checked the format.
    const requested =
      req.query.timeoutSeconds === undefined
        ? undefined
        : Number(req.query.timeoutSeconds);
    if (requested !== undefined && requested > maxWait) {
      throw new InputError(
        `Invalid query: timeoutSeconds must be at most ${maxWait}`,
      );
    }
    const record = await environmentOrFail(req.params.clinic, req.params.stage);
    const marker = req.query.marker ?? record.expectedMarker;
    if (!marker) {
      throw new InputError(
        "marker is required: the environment's task definition carries no deploy marker",
      );
    }
    const timeoutSeconds =
      requested ?? Math.min(settings.readiness.defaultWaitSeconds, maxWait);
    // The URL comes from config or the snapshot (the environment's own ALB), never from the request.
    const probeUrl = settings.readiness.baseUrlTemplate
      ? probeUrlFor(record, settings.readiness, new Map())
      : record.readinessDetail.probeUrl;

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const body: WaitForMarkerResponse = await waiter.wait({
      env: record,
      probeUrl,
      marker,
      timeoutMs: timeoutSeconds * 1000,
      signal: abort.signal,
    });
    res.json(body);
  });

  router.get('/clinics', async (_req, res) => {
    const snapshot = await snapshotOrFail();
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
