import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stagelightEnvironmentReadPermission,
  WaitForMarkerResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { permissionMiddleware } from '../permissions/authorize';
import { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import { DeployMarkerWait } from './DeployMarkerWait';

export interface ReadinessRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  lookup: EnvironmentLookup;
  markerWait: DeployMarkerWait;
}

/** The pipelines' long poll: wait until an environment serves a deploy marker. */
export function createReadinessRouter(
  options: ReadinessRouterOptions,
): express.Router {
  const { lookup, markerWait } = options;
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
      const query = req.query as Record<string, string | undefined>;
      // Query values arrive as strings; the spec has already checked the format.
      const timeoutSeconds =
        query.timeoutSeconds === undefined
          ? undefined
          : Number(query.timeoutSeconds);
      markerWait.checkTimeout(timeoutSeconds);
      const record = await lookup.environment(
        req.params.clinic,
        req.params.stage,
      );
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      const body: WaitForMarkerResponse = await markerWait.wait(record, {
        marker: query.marker,
        timeoutSeconds,
        signal: abort.signal,
      });
      res.json(body);
    },
  );

  return router;
}
