import type {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  PowerOperation,
  PowerOperationKind,
  PowerOperationResponse,
  stagelightEnvironmentReadPermission,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@internal/plugin-stagelight-common';
import { Clock } from '../../clock/Clock';
import { toSummary } from '../../snapshot/EnvironmentRecord';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { PowerService } from '../service/PowerService';
import { ScheduleService } from '../service/ScheduleService';
import { PowerGuard } from './PowerGuard';
import { MAX_REASON_LENGTH, PowerRequests } from './requests';

export interface PowerActionsOptions {
  actionsRegistry: ActionsRegistryService;
  lookup: EnvironmentLookup;
  service: PowerService;
  schedules: ScheduleService;
  requests: PowerRequests;
  guard: PowerGuard;
  clock: Clock;
}

/** The zod the registry hands to schema functions. */
type Z = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

const environmentInput = (z: Z) =>
  z.object({
    clinic: z.string().min(1).describe('Clinic id, e.g. northside'),
    stage: z.string().min(1).describe('Stage name, e.g. dev'),
  });

const operationSchema = (z: Z) =>
  z.object({
    id: z.string(),
    clinic: z.string(),
    stage: z.string(),
    kind: z.enum(['wake', 'sleep']),
    status: z.enum(['pending', 'running', 'succeeded', 'failed']),
    outcome: z.enum(['awake', 'asleep', 'partial']).nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  });

const reasonInput = (z: Z) =>
  z
    .string()
    .describe(
      `Why, for the audit history (at most ${MAX_REASON_LENGTH} characters)`,
    );

const leaseSchema = (z: Z) =>
  z.object({ endsAt: z.string(), requestedBy: z.string(), reason: z.string() });

const operationResult = (z: Z) =>
  z.object({
    operation: operationSchema(z).describe(
      'The operation started, or the one of the same kind already running; follow it with stagelight:get-environment-status',
    ),
    lease: leaseSchema(z).nullable(),
  });

function operationOf(op: PowerOperation) {
  return {
    id: op.id,
    clinic: op.clinic,
    stage: op.stage,
    kind: op.kind,
    status: op.status,
    outcome: op.outcome,
    error: op.error,
    createdAt: op.createdAt,
    finishedAt: op.finishedAt,
  };
}

function resultOf(r: PowerOperationResponse) {
  return {
    operation: operationOf(r.operation),
    lease: r.lease
      ? {
          endsAt: r.lease.endsAt,
          requestedBy: r.lease.requestedBy,
          reason: r.lease.reason,
        }
      : null,
  };
}

const opDetail = (r: PowerOperationResponse) => ({
  operationId: r.operation.id,
  detail: `operation ${r.operation.status} (action)`,
});

/**
 * Registers the Stagelight actions (exposed to MCP clients by the actions
 * backend): read an environment's status, wake and sleep it. They call the
 * same PowerService methods as the HTTP routes, checked and audited by the
 * same PowerGuard with the caller's credentials. Wake and sleep carry no
 * visibilityPermission on purpose: the registry would answer a caller without
 * it "not found" before the action runs, and a denied attempt must be audited.
 */
export function registerPowerActions(o: PowerActionsOptions): void {
  const {
    actionsRegistry,
    lookup,
    service,
    schedules,
    requests,
    guard,
    clock,
  } = o;

  /** A wake or sleep through the guard, audited as the HTTP routes audit it. */
  const power = async (
    kind: PowerOperationKind,
    input: {
      clinic: string;
      stage: string;
      reason: string;
      leaseHours?: number;
    },
    credentials: BackstageCredentials,
  ) => {
    const env = { clinic: input.clinic, stage: input.stage };
    const result = await guard.mutation(
      {
        credentials,
        action: `environment-${kind}`,
        permission:
          kind === 'wake'
            ? stagelightEnvironmentWakePermission
            : stagelightEnvironmentSleepPermission,
        ...env,
        reason: input.reason,
      },
      actor =>
        kind === 'wake'
          ? service.wake(
              env,
              requests.wake({
                reason: input.reason,
                leaseHours: input.leaseHours,
              }),
              actor,
            )
          : service.sleep(env, requests.sleep({ reason: input.reason }), actor),
      opDetail,
    );
    return { output: resultOf(result) };
  };

  actionsRegistry.register({
    name: 'get-environment-status',
    title: 'Get a Stagelight environment status',
    description:
      'Power state (awake, asleep, waking, sleeping, partial, paused, unknown), deploy readiness, queue depth, the desired state from its schedule and lease, and the latest wake or sleep operation of one clinic stage.',
    visibilityPermission: stagelightEnvironmentReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: environmentInput,
      output: z =>
        z.object({
          clinic: z.string(),
          stage: z.string(),
          protected: z.boolean(),
          power: z.string(),
          readiness: z.string(),
          expectedMarker: z.string().nullable(),
          servedMarker: z.string().nullable(),
          queue: z
            .object({
              visible: z.number(),
              inFlight: z.number(),
              delayed: z.number(),
              dlq: z.number(),
              oldestAgeSeconds: z.number().nullable(),
            })
            .nullable(),
          errors: z.array(z.string()),
          refreshedAt: z.string(),
          dataAgeSeconds: z.number(),
          desired: z.object({
            state: z.enum(['awake', 'asleep']),
            reason: z.string(),
            nextTransition: z
              .object({ at: z.string(), state: z.enum(['awake', 'asleep']) })
              .nullable(),
          }),
          lease: leaseSchema(z).nullable(),
          latestOperation: operationSchema(z).nullable(),
        }),
    },
    action: async ({ input, credentials }) => {
      await guard.requireRead(credentials);
      const record = await lookup.environment(input.clinic, input.stage);
      const summary = toSummary(record, clock.now());
      const schedule = await schedules.get(input);
      const [latest] = await service.listOperations(input, 1);
      return {
        output: {
          clinic: summary.clinic,
          stage: summary.stage,
          protected: summary.protected,
          power: summary.power,
          readiness: summary.readiness,
          expectedMarker: summary.expectedMarker,
          servedMarker: summary.servedMarker,
          queue: summary.queue,
          errors: summary.errors.map(e => `${e.source}: ${e.message}`),
          refreshedAt: summary.refreshedAt,
          dataAgeSeconds: summary.dataAgeSeconds,
          desired: schedule.desired,
          lease: schedule.lease
            ? {
                endsAt: schedule.lease.endsAt,
                requestedBy: schedule.lease.requestedBy,
                reason: schedule.lease.reason,
              }
            : null,
          latestOperation: latest ? operationOf(latest) : null,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'wake-environment',
    title: 'Wake a Stagelight environment',
    description:
      'Starts the database and restores the ECS services of one clinic stage, then waits for its deploy marker; optionally keeps it awake for leaseHours. Returns at once with the operation (asynchronous). Audited with the reason.',
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        environmentInput(z).extend({
          reason: reasonInput(z),
          leaseHours: z
            .number()
            .optional()
            .describe(
              'Keep it awake this many hours (1 to stagelight.power.maxLeaseHours)',
            ),
        }),
      output: operationResult,
    },
    action: ({ input, credentials }) => power('wake', input, credentials),
  });

  actionsRegistry.register({
    name: 'sleep-environment',
    title: 'Put a Stagelight environment to sleep',
    description:
      'Remembers the desired counts, scales the ECS services of one clinic stage to zero and stops its database; ends a running lease. Protected stages (prod) are always refused. Returns at once with the operation (asynchronous). Audited with the reason.',
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        environmentInput(z).extend({
          reason: reasonInput(z),
        }),
      output: operationResult,
    },
    action: ({ input, credentials }) => power('sleep', input, credentials),
  });
}
