import express from 'express';
import Router from 'express-promise-router';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  AuditListResponse,
  OperationListResponse,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@internal/plugin-stagelight-common';
import { PowerAuditLog } from './PowerAuditLog';
import { PowerAuditor } from './PowerAuditor';
import { PowerService } from './PowerService';

export interface PowerRouterOptions {
  service: PowerService;
  auditor: PowerAuditor;
  auditLog: PowerAuditLog;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

function actorOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (p.type === 'user' && p.userEntityRef) return p.userEntityRef;
  if (p.type === 'service' && p.subject) return p.subject;
  return 'unknown';
}

function limitOf(value: unknown): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) {
    throw new InputError('limit must be a whole number from 1 to 500');
  }
  return n;
}

/**
 * Wake, sleep, leases, schedules and the audit history. Each mutation is
 * authorized (a denial is audited too), validated before anything changes, and
 * audited with its result; the work is PowerService's.
 */
export async function createPowerRouter(
  options: PowerRouterOptions,
): Promise<express.Router> {
  const { service, auditor, auditLog, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  const allowed = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  };

  const requireRead = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    if (!(await allowed(credentials, stagelightEnvironmentReadPermission))) {
      throw new NotAllowedError('Not allowed to read Stagelight environments');
    }
  };

  /** Authorize, then run the mutation; every attempt is audited by PowerAuditor. */
  const mutation = async <T>(
    req: express.Request,
    action: string,
    permission: BasicPermission,
    fn: (actor: string) => Promise<T>,
    describe?: (value: T) => { detail?: string; operationId?: string },
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const actor = actorOf(credentials);
    const body = req.body as { reason?: unknown } | undefined;
    return auditor.run(
      {
        action,
        actor,
        clinic: req.params.clinic ?? null,
        stage: req.params.stage ?? null,
        reason:
          typeof body?.reason === 'string' ? body.reason.slice(0, 500) : null,
        request: req,
      },
      async () => {
        if (!(await allowed(credentials, permission))) {
          throw new NotAllowedError(`Not allowed: ${permission.name}`);
        }
        return fn(actor);
      },
      describe,
    );
  };

  const envOf = (req: express.Request) => ({
    clinic: req.params.clinic,
    stage: req.params.stage,
  });
  const opDetail = (r: { operation: { id: string; status: string } }) => ({
    operationId: r.operation.id,
    detail: `operation ${r.operation.status}`,
  });

  router.post('/environments/:clinic/:stage/wake', async (req, res) => {
    const result = await mutation(
      req,
      'environment-wake',
      stagelightEnvironmentWakePermission,
      actor =>
        service.wake(envOf(req), service.parseWake(req.body ?? {}), actor),
      opDetail,
    );
    res.status(202).json(result);
  });

  router.post('/environments/:clinic/:stage/sleep', async (req, res) => {
    const result = await mutation(
      req,
      'environment-sleep',
      stagelightEnvironmentSleepPermission,
      actor =>
        service.sleep(envOf(req), service.parseSleep(req.body ?? {}), actor),
      opDetail,
    );
    res.status(202).json(result);
  });

  router.post('/environments/:clinic/:stage/lease/extend', async (req, res) => {
    const lease = await mutation(
      req,
      'lease-extend',
      stagelightEnvironmentWakePermission,
      actor =>
        service.extendLease(
          envOf(req),
          service.parseExtend(req.body ?? {}),
          actor,
        ),
      l => ({ detail: `lease until ${l.endsAt}` }),
    );
    res.json({ lease });
  });

  router.delete('/environments/:clinic/:stage/lease', async (req, res) => {
    const lease = await mutation(
      req,
      'lease-end',
      stagelightEnvironmentSleepPermission,
      actor => {
        const reason =
          typeof req.body?.reason === 'string' && req.body.reason.trim()
            ? req.body.reason.trim()
            : 'lease ended early';
        return service.endLease(envOf(req), reason, actor);
      },
      l => ({ detail: `lease ended at ${l.endsAt}` }),
    );
    res.json({ lease });
  });

  router.put('/environments/:clinic/:stage/schedule', async (req, res) => {
    const result = await mutation(
      req,
      'schedule-edit',
      stagelightScheduleEditPermission,
      actor => {
        const schedule = service.parseSchedule(req.body);
        return service.putSchedule(envOf(req), schedule, actor);
      },
      r => ({ detail: JSON.stringify(r.schedule) }),
    );
    res.json(result);
  });

  router.get('/environments/:clinic/:stage/schedule', async (req, res) => {
    await requireRead(req);
    res.json(await service.getSchedule(envOf(req)));
  });

  router.get('/environments/:clinic/:stage/operations', async (req, res) => {
    await requireRead(req);
    const body: OperationListResponse = {
      items: await service.listOperations(envOf(req), limitOf(req.query.limit)),
    };
    res.json(body);
  });

  router.get('/operations/:id', async (req, res) => {
    await requireRead(req);
    res.json(await service.getOperation(req.params.id));
  });

  router.get('/environments/:clinic/:stage/history', async (req, res) => {
    await requireRead(req);
    await service.environment(req.params.clinic, req.params.stage);
    const body: AuditListResponse = {
      items: await auditLog.list({
        ...envOf(req),
        limit: limitOf(req.query.limit),
      }),
    };
    res.json(body);
  });

  router.get('/audit', async (req, res) => {
    await requireRead(req);
    const body: AuditListResponse = {
      items: await auditLog.list({ limit: limitOf(req.query.limit) }),
    };
    res.json(body);
  });

  return router;
}
