import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stagelightAdminPermission,
  stagelightEnvironmentReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { isAllowed, permissionMiddleware } from '../permissions/authorize';
import { DoctorService } from './DoctorService';
import { summaryOf } from './reportView';

export interface DoctorRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  doctor: DoctorService;
}

/** `GET /doctor`: the summary for every reader, the details with `stagelight.admin`. */
export function createDoctorRouter(
  options: DoctorRouterOptions,
): express.Router {
  const { httpAuth, permissions, doctor } = options;
  const router = Router();
  const canRead = permissionMiddleware(
    options,
    stagelightEnvironmentReadPermission,
    'Not allowed to read Stagelight environments',
  );
  router.get('/doctor', canRead, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const report = await doctor.examine();
    const detail = await isAllowed(
      permissions,
      credentials,
      stagelightAdminPermission,
    );
    res.json(detail ? report : summaryOf(report));
  });
  return router;
}
