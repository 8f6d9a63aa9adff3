import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  PowerOperationKind,
  PowerOperationResponse,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { ActionDeps } from './ActionDeps';
import {
  environmentInput,
  leaseOf,
  leaseSchema,
  operationOf,
  operationSchema,
  reasonInput,
  Z,
} from './actionSchemas';

const operationResult = (z: Z) =>
  z.object({
    operation: operationSchema(z).describe(
      'The operation started, or the one of the same kind already running; follow it with the get-environment-status tool',
    ),
    lease: leaseSchema(z).nullable(),
  });

const resultOf = (r: PowerOperationResponse) => ({
  operation: operationOf(r.operation),
  lease: leaseOf(r.lease),
});

const opDetail = (r: PowerOperationResponse) => ({
  operationId: r.operation.id,
  detail: `operation ${r.operation.status} (action)`,
});

/**
 * Wake and sleep one environment: the same PowerService calls as the HTTP
 * routes, checked and audited by the same PowerGuard with the caller's
 * credentials. They carry no visibilityPermission on purpose: the registry
 * would answer a caller without it "not found" before the action runs, and a
 * denied attempt must be audited.
 */
export function registerPowerActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const { guard, service, requests } = deps;

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

  registry.register({
    name: 'wake-environment',
    title: 'Wake a Stagelight environment',
    description:
      'Starts the database and restores the ECS services of one clinic stage, then waits for its deploy marker; optionally keeps it awake for leaseHours (not on a protected stage, which is always awake). Returns at once with the operation (asynchronous). Audited with the reason.',
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

  registry.register({
    name: 'sleep-environment',
    title: 'Put a Stagelight environment to sleep',
    description:
      'Remembers the desired counts, scales the ECS services of one clinic stage to zero and stops its database; ends a running lease. Protected stages (prod) are always refused. Returns at once with the operation (asynchronous). Audited with the reason.',
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z => environmentInput(z).extend({ reason: reasonInput(z) }),
      output: operationResult,
    },
    action: ({ input, credentials }) => power('sleep', input, credentials),
  });
}
