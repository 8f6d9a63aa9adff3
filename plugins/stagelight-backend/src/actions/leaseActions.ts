import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  PowerLease,
  stagelightEnvironmentSleepPermission,
  stagelightEnvironmentWakePermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { ActionDeps } from './ActionDeps';
import {
  environmentInput,
  leaseOf,
  leaseSchema,
  reasonInput,
  Z,
} from './actionSchemas';

const leaseResult = (z: Z) => z.object({ lease: leaseSchema(z) });

/**
 * Extend or end an environment's lease, as the lease routes do: the same
 * permissions (wake to extend, sleep to end), request parsing, protected-stage
 * refusal and audit records (`lease-extend`, `lease-end`).
 */
export function registerLeaseActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const { guard, leases, requests } = deps;

  registry.register({
    name: 'extend-lease',
    title: 'Extend a Stagelight lease',
    description:
      'Keeps one clinic stage awake `hours` longer than its running lease ends (e.g. "keep dev up two more hours"); the lease may reach at most stagelight.power.maxLeaseHours ahead. Refused without a running lease (wake it with leaseHours instead) and on protected stages. Audited with the reason; answers the new end.',
    attributes: { destructive: false, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        environmentInput(z).extend({
          hours: z
            .number()
            .describe('Hours to add to the lease end (at least 1)'),
          reason: reasonInput(z),
        }),
      output: leaseResult,
    },
    action: async ({ input, credentials }) => {
      const env = { clinic: input.clinic, stage: input.stage };
      const lease: PowerLease = await guard.mutation(
        {
          credentials,
          action: 'lease-extend',
          permission: stagelightEnvironmentWakePermission,
          ...env,
          reason: input.reason,
        },
        actor =>
          leases.extend(
            env,
            requests.extend({ reason: input.reason, hours: input.hours }),
            actor,
          ),
        l => ({ detail: `lease until ${l.endsAt} (action)` }),
      );
      return { output: { lease: leaseOf(lease)! } };
    },
  });

  registry.register({
    name: 'end-lease',
    title: 'End a Stagelight lease early',
    description:
      "Ends one clinic stage's running lease now; the scheduler then puts it to sleep if its schedule says so. Refused without a running lease. Audited with the reason (default 'lease ended early').",
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        environmentInput(z).extend({ reason: reasonInput(z).optional() }),
      output: leaseResult,
    },
    action: async ({ input, credentials }) => {
      const env = { clinic: input.clinic, stage: input.stage };
      const lease: PowerLease = await guard.mutation(
        {
          credentials,
          action: 'lease-end',
          permission: stagelightEnvironmentSleepPermission,
          ...env,
          reason: input.reason,
        },
        actor =>
          leases.end(env, requests.endReason({ reason: input.reason }), actor),
        l => ({ detail: `lease ended at ${l.endsAt} (action)` }),
      );
      return { output: { lease: leaseOf(lease)! } };
    },
  });
}
