import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Permission } from '@backstage/plugin-permission-common';
import {
  AuditListResponse,
  BulkPowerResponse,
  OperationListResponse,
  PowerOperationKind,
  PowerOperationResponse,
  Schedule,
  WakeRequest,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerAuditLog } from '../audit/PowerAuditLog';
import { PowerAuditor } from '../audit/PowerAuditor';
import { LeaseService } from '../service/LeaseService';
import { PowerService } from '../service/PowerService';
import { ScheduleService } from '../service/ScheduleService';
import { WakeDurations } from '../wakeDuration/WakeDurations';
import { PowerGuard } from './PowerGuard';
import { PowerRequests } from './requests';

export interface PowerRouterOptions {
  lookup: EnvironmentLookup;
  service: PowerService;
  leases: LeaseService;
  schedules: ScheduleService;
  requests: PowerRequests;
  wakeDurations: WakeDurations;
  auditor: PowerAuditor;
  auditLog: PowerAuditLog;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** What a bulk request did, environment by environment: the audit says exactly that. */
export function bulkDetail(
  kind: PowerOperationKind,
  r: BulkPowerResponse,
): string {
  const acted = r.started.map(
    s => `${s.operation.clinic}/${s.operation.stage}`,
  );
  const skipped = r.skipped.map(s => `${s.clinic}/${s.stage} (${s.reason})`);
  return [
    `${kind}: ${acted.length > 0 ? acted.join(', ') : 'none'}`,
    ...(skipped.length > 0 ? [`skipped: ${skipped.join('; ')}`] : []),
  ].join('; ');
}

/** A schedule as the audit keeps it: what it is, bounded, not the whole body. */
export function scheduleDetail(schedule: Schedule | null): string {
  if (!schedule) return 'no schedule';
  const { windows, exceptions, timeZone, preWarmMinutes } = schedule;
  const shown = windows
    .slice(0, 3)
    .map(w => `${w.days.join(',')} ${w.start}-${w.end}`);
  const more = windows.length > 3 ? ` and ${windows.length - 3} more` : '';
  return `${timeZone}: ${windows.length} window(s) (${shown.join(
    '; ',
  )}${more}), pre-warm ${preWarmMinutes} min, ${
    exceptions.length
  } exception(s)`;
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
export function createPowerRouter(options: PowerRouterOptions): express.Router {
  const {
    lookup,
    service,
    leases,
    schedules,
    requests,
    wakeDurations,
    auditor,
    auditLog,
    httpAuth,
    permissions,
  } = options;
  const router = Router();

  const guard = new PowerGuard({ permissions, auditor });

  const requireRead = async (req: express.Request) =>
    guard.requireRead(await httpAuth.credentials(req));

  /** Authorize, then run the mutation; every attempt is audited by PowerAuditor. */
  const mutation = async <T>(
    req: express.Request,
    action: string,
    permission: Permission,
    fn: (actor: string) => Promise<T>,
    describe?: (value: T) => { detail?: string; operationId?: string },
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return guard.mutation(
      {
        credentials,
        action,
        permission,
        clinic: req.params.clinic ?? null,
        stage: req.params.stage ?? null,
        reason: (req.body as { reason?: unknown } | undefined)?.reason,
        request: req,
      },
      fn,
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
      actor => service.wake(envOf(req), requests.wake(req.body ?? {}), actor),
      opDetail,
    );
    res.status(202).json(result);
  });

  router.post('/environments/:clinic/:stage/sleep', async (req, res) => {
    const result = await mutation(
      req,
      'environment-sleep',
      stagelightEnvironmentSleepPermission,
      actor => service.sleep(envOf(req), requests.sleep(req.body ?? {}), actor),
      opDetail,
    );
    res.status(202).json(result);
  });

  /**
   * Wake or sleep every environment of a clinic or a stage. The request as a
   * whole is authorized, validated and looked up first (a denial, bad body or
   * unknown scope is audited once, as `clinic-wake` etc.); then each
   * environment is its own operation with its own lock and audit record.
   * Environments that refuse (protected for sleep, another kind running) are
   * listed as skipped with the reason.
   */
  const bulk = async (
    req: express.Request,
    kind: PowerOperationKind,
    scope: { clinic: string } | { stage: string },
  ): Promise<BulkPowerResponse> => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const requestBody = (req.body ?? {}) as Partial<WakeRequest>;
    const byClinic = 'clinic' in scope;
    const permission =
      kind === 'wake'
        ? stagelightEnvironmentWakePermission
        : stagelightEnvironmentSleepPermission;
    return guard.mutation(
      {
        credentials,
        action: `${byClinic ? 'clinic' : 'stage'}-${kind}`,
        permission,
        clinic: byClinic ? scope.clinic : null,
        stage: byClinic ? null : scope.stage,
        reason: requestBody.reason,
        request: req,
      },
      async () => {
        const request =
          kind === 'wake'
            ? requests.wake(requestBody)
            : requests.sleep(requestBody);
        const records = await lookup.environmentsOf(scope);
        const response: BulkPowerResponse = {
          scope,
          started: [],
          skipped: [],
        };
        for (const record of records) {
          const env = { clinic: record.clinic, stage: record.stage };
          try {
            // Each environment is checked and audited on its own.
            response.started.push(
              await guard.mutation<PowerOperationResponse>(
                {
                  credentials,
                  action: `environment-${kind}`,
                  permission,
                  ...env,
                  reason: request.reason,
                  request: req,
                },
                actor =>
                  kind === 'wake'
                    ? service.wake(env, request, actor)
                    : service.sleep(env, request, actor),
                opDetail,
              ),
            );
          } catch (error) {
            // Already audited; the other environments go on.
            response.skipped.push({ ...env, reason: (error as Error).message });
          }
        }
        return response;
      },
      r => ({ detail: bulkDetail(kind, r) }),
    );
  };

  for (const kind of ['wake', 'sleep'] as const) {
    router.post(`/clinics/:clinic/${kind}`, async (req, res) => {
      res
        .status(202)
        .json(await bulk(req, kind, { clinic: req.params.clinic }));
    });
    router.post(`/stages/:stage/${kind}`, async (req, res) => {
      res.status(202).json(await bulk(req, kind, { stage: req.params.stage }));
    });
  }

  router.post('/environments/:clinic/:stage/lease/extend', async (req, res) => {
    const lease = await mutation(
      req,
      'lease-extend',
      stagelightEnvironmentWakePermission,
      actor =>
        leases.extend(envOf(req), requests.extend(req.body ?? {}), actor),
      l => ({ detail: `lease until ${l.endsAt}` }),
    );
    res.json({ lease });
  });

  router.delete('/environments/:clinic/:stage/lease', async (req, res) => {
    const lease = await mutation(
      req,
      'lease-end',
      stagelightEnvironmentSleepPermission,
      actor => leases.end(envOf(req), requests.endReason(req.body), actor),
      l => ({ detail: `lease ended at ${l.endsAt}` }),
    );
    res.json({ lease });
  });

  router.put('/environments/:clinic/:stage/schedule', async (req, res) => {
    const result = await mutation(
      req,
      'schedule-edit',
      stagelightScheduleEditPermission,
      actor => schedules.put(envOf(req), requests.schedule(req.body), actor),
      r => ({ detail: scheduleDetail(r.schedule) }),
    );
    res.json(result);
  });

  router.delete('/environments/:clinic/:stage/schedule', async (req, res) => {
    const result = await mutation(
      req,
      'schedule-delete',
      stagelightScheduleEditPermission,
      () => schedules.remove(envOf(req)),
      r => ({ detail: `override removed; schedule now ${r.source}` }),
    );
    res.json(result);
  });

  router.get('/environments/:clinic/:stage/schedule', async (req, res) => {
    await requireRead(req);
    res.json(await schedules.get(envOf(req)));
  });

  router.get('/environments/:clinic/:stage/operations', async (req, res) => {
    await requireRead(req);
    const body: OperationListResponse = {
      items: await service.listOperations(envOf(req), limitOf(req.query.limit)),
    };
    res.json(body);
  });

  /** How long waking each environment of the clinic usually takes (the stage board's "usually ready in"). */
  router.get('/clinics/:clinic/wake-durations', async (req, res) => {
    await requireRead(req);
    res.json(await wakeDurations.ofClinic(req.params.clinic));
  });

  router.get('/operations/:id', async (req, res) => {
    await requireRead(req);
    res.json(await service.getOperation(req.params.id));
  });

  router.get('/environments/:clinic/:stage/history', async (req, res) => {
    await requireRead(req);
    await lookup.environment(req.params.clinic, req.params.stage);
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
