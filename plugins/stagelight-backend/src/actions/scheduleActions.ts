import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Schedule,
  stagelightEnvironmentReadPermission,
  stagelightScheduleEditPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { scheduleDetail } from '../power/http/router';
import { ActionDeps } from './ActionDeps';
import {
  environmentInput,
  scheduleResponseOf,
  scheduleResponseSchema,
  scheduleSchema,
} from './actionSchemas';

/**
 * An environment's schedule: read it, replace its override, remove the
 * override, as the schedule routes do (same validator, permission, protected-
 * stage refusal and audit records `schedule-edit` / `schedule-delete`).
 */
export function registerScheduleActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const { guard, schedules, requests } = deps;

  registry.register({
    name: 'get-schedule',
    title: 'Get a Stagelight schedule',
    description:
      'The schedule in force for one clinic stage (its override, else the stage default, else none): weekly awake windows in an IANA time zone, pre-warm minutes and dated exceptions; its running lease, the longest lease allowed, and what it should be now with the next transition ("when is the test stage awake?").',
    visibilityPermission: stagelightEnvironmentReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: { input: environmentInput, output: scheduleResponseSchema },
    action: async ({ input, credentials }) => {
      await guard.requireRead(credentials);
      return { output: scheduleResponseOf(await schedules.get(input)) };
    },
  });

  registry.register({
    name: 'set-schedule',
    title: 'Set a Stagelight schedule override',
    description:
      'Replaces the schedule override of one clinic stage: outside every window it is put to sleep by the scheduler. Validated as the portal validates it (real time zone, HH:MM, known days); refused on protected stages, which are never put to sleep. Audited; answers the schedule now in force.',
    attributes: { destructive: true, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        environmentInput(z).extend({
          schedule: scheduleSchema(z),
        }),
      output: scheduleResponseSchema,
    },
    action: async ({ input, credentials }) => {
      const env = { clinic: input.clinic, stage: input.stage };
      const result = await guard.mutation(
        {
          credentials,
          action: 'schedule-edit',
          permission: stagelightScheduleEditPermission,
          ...env,
          reason: undefined,
        },
        actor =>
          schedules.put(
            env,
            requests.schedule(input.schedule as Partial<Schedule>),
            actor,
          ),
        r => ({ detail: `${scheduleDetail(r.schedule)} (action)` }),
      );
      return { output: scheduleResponseOf(result) };
    },
  });

  registry.register({
    name: 'remove-schedule-override',
    title: 'Remove a Stagelight schedule override',
    description:
      "Removes one clinic stage's schedule override, so its stage's default schedule (or none) applies again. Refused when it has no override. Audited.",
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: { input: environmentInput, output: scheduleResponseSchema },
    action: async ({ input, credentials }) => {
      const env = { clinic: input.clinic, stage: input.stage };
      const result = await guard.mutation(
        {
          credentials,
          action: 'schedule-delete',
          permission: stagelightScheduleEditPermission,
          ...env,
          reason: undefined,
        },
        () => schedules.remove(env),
        r => ({
          detail: `override removed; schedule now ${r.source} (action)`,
        }),
      );
      return { output: scheduleResponseOf(result) };
    },
  });
}
