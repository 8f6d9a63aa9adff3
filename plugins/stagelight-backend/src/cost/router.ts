import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightCostReadPermission } from '@internal/plugin-stagelight-common';
import { CostService } from './CostService';

export interface CostRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  costService: CostService;
}

/**
 * The cost routes, mounted at the plugin root (`/api/stagelight/cost/...`).
 * Thin: every route checks `stagelight.cost.read`, then delegates. Reads are
 * served from the database; none of them calls Cost Explorer.
 */
export function createCostRouter(options: CostRouterOptions): express.Router {
  const { httpAuth, permissions, costService } = options;
  const router = Router();
  const cost = Router();
  router.use('/cost', cost);

  cost.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: stagelightCostReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to read Stagelight cost');
    }
    next();
  });
  cost.use(express.json({ limit: '64kb' }));

  cost.get('/summary', async (_req, res) => {
    res.json(await costService.summary());
  });

  cost.get('/environments/:clinic/:stage', async (req, res) => {
    res.json(
      await costService.environment(req.params.clinic, req.params.stage),
    );
  });

  cost.get('/stages/:stage/forecast', async (req, res) => {
    res.json(await costService.stageForecast(req.params.stage));
  });

  cost.post('/projection', async (req, res) => {
    res.json(await costService.projection(req.body));
  });

  return router;
}
