import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_TIMELINE_DAYS,
  MAX_TIMELINE_DAYS,
  stagelightCostReadPermission,
  stagelightEnvironmentReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { isAllowed, permissionMiddleware } from '../permissions/authorize';
import { PowerTimelines } from './PowerTimelines';

export interface TimelineRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  timelines: PowerTimelines;
}

/** `days` of the query: the contract bounds it already; this is its one reading. */
export function timelineDays(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMELINE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TIMELINE_DAYS) {
    throw new InputError(
      `days must be a whole number from 1 to ${MAX_TIMELINE_DAYS}`,
    );
  }
  return days;
}

/**
 * The power timeline of a clinic and of the fleet. Read like the status
 * (`stagelight.environment.read`); the cost per day only for callers who also
 * hold `stagelight.cost.read`, otherwise it is left out, not refused.
 */
export function createTimelineRouter(
  options: TimelineRouterOptions,
): express.Router {
  const { httpAuth, permissions, timelines } = options;
  const router = Router();
  const canRead = permissionMiddleware(
    options,
    stagelightEnvironmentReadPermission,
    'Not allowed to read Stagelight environments',
  );
  const mayReadCost = async (req: express.Request) =>
    isAllowed(
      permissions,
      await httpAuth.credentials(req),
      stagelightCostReadPermission,
    );

  router.get('/clinics/:clinic/timeline', canRead, async (req, res) => {
    const days = timelineDays(req.query.days);
    res.json(
      await timelines.clinic(req.params.clinic, days, await mayReadCost(req)),
    );
  });

  router.get('/timeline', canRead, async (req, res) => {
    const days = timelineDays(req.query.days);
    res.json(await timelines.fleet(days, await mayReadCost(req)));
  });

  return router;
}
