import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  stagelightEnvironmentReadPermission,
  WaitForMarkerResponse,
} from '@internal/plugin-stagelight-common';
import { ReadinessSettings } from '../config/StagelightConfig';
import { permissionMiddleware } from '../permissions/authorize';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { MarkerWaiter } from './MarkerWaiter';
import { snapshotProbeUrl } from './probeUrl';

export interface ReadinessRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  lookup: EnvironmentLookup;
  waiter: MarkerWaiter;
  readiness: ReadinessSettings;
}

/** The pipelines' long poll: wait until an environment serves a deploy marker. */
export function createReadinessRouter(
  options: ReadinessRouterOptions,
): express.Router {
  const { lookup, waiter, readiness } = options;
  const router = Router();
  const canRead = permissionMiddleware(
    options,
    stagelightEnvironmentReadPermission,
    'Not allowed to read Stagelight environments',
  );

  router.get(
    '/environments/:clinic/:stage/readiness',
    canRead,
    async (req, res) => {
      const maxWait = readiness.maxWaitSeconds;
      const query = req.query as Record<string, string | undefined>;
      // Query values arrive as strings; the spec has already checked the format.
      const requested =
        query.timeoutSeconds === undefined
          ? undefined
          : Number(query.timeoutSeconds);
      if (requested !== undefined && requested > maxWait) {
        throw new InputError(
          `Invalid query: timeoutSeconds must be at most ${maxWait}`,
        );
      }
      const record = await lookup.environment(
        req.params.clinic,
        req.params.stage,
      );
      const marker = query.marker ?? record.expectedMarker;
      if (!marker) {
        throw new InputError(
          "marker is required: the environment's task definition carries no deploy marker",
        );
      }
      const timeoutSeconds =
        requested ?? Math.min(readiness.defaultWaitSeconds, maxWait);
      // The URL comes from config or the snapshot (the environment's own ALB), never from the request.
      const probeUrl = snapshotProbeUrl(record, readiness);

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
    },
  );

  return router;
}
