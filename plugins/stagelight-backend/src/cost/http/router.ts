import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stagelightCostReadPermission } from '@stagelight/backstage-plugin-stagelight-common';
import { permissionMiddleware } from '../../permissions/authorize';
import { CostProjection } from '../reports/CostProjection';
import { CostReports } from '../reports/CostReports';
import { parseProjectionRequest } from './projectionRequest';

export interface CostRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  reports: CostReports;
  projection: CostProjection;
}

/**
 * The cost routes, mounted at the plugin root (`/api/stagelight/cost/...`).
 * Thin: every route checks `stagelight.cost.read`, then delegates. Reads are
 * served from the database; none of them calls Cost Explorer.
 */
export function createCostRouter(options: CostRouterOptions): express.Router {
  const { reports, projection } = options;
  const router = Router();
  const cost = Router();
  router.use('/cost', cost);

  cost.use(
    permissionMiddleware(
      options,
      stagelightCostReadPermission,
      'Not allowed to read Stagelight cost',
    ),
  );

  cost.get('/summary', async (_req, res) => {
    res.json(await reports.summary());
  });

  cost.get('/environments/:clinic/:stage', async (req, res) => {
    res.json(await reports.environment(req.params.clinic, req.params.stage));
  });

  cost.get('/clinics/:clinic', async (req, res) => {
    res.json(await reports.clinic(req.params.clinic));
  });

  cost.get('/stages/:stage/forecast', async (req, res) => {
    res.json(await reports.stageForecast(req.params.stage));
  });

  cost.post('/projection', async (req, res) => {
    res.json(await projection.project(parseProjectionRequest(req.body)));
  });

  return router;
}
