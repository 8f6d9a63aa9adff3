import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  stagelightEnvironmentReadPermission,
  WAIT_OUTCOMES,
} from '@stagelight/backstage-plugin-stagelight-common';
import { ActionDeps } from './ActionDeps';
import { environmentInput } from './actionSchemas';

/**
 * How long the tool waits when the caller names no timeout. MCP clients
 * commonly give up on a call after 60 s (the TypeScript SDK's default request
 * timeout), so the tool's default stays well below it; a caller that can wait
 * longer asks for up to stagelight.readiness.maxWaitSeconds.
 */
export const DEFAULT_TOOL_WAIT_SECONDS = 30;

/** The pipelines' bounded wait for a deploy marker, as a tool. */
export function registerReadinessActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const { guard, lookup, markerWait } = deps;
  const max = markerWait.maxWaitSeconds;

  registry.register({
    name: 'wait-for-deploy-marker',
    title: 'Wait for a Stagelight deploy marker',
    description: `Waits (timeoutSeconds, default ${Math.min(
      DEFAULT_TOOL_WAIT_SECONDS,
      max,
    )} s, at most ${max} s) until one clinic stage's API serves a deploy marker (default: the marker its running task definition carries), probing its own version endpoint. outcome: ready (served), stale (another marker is served), timeout (the API never answered), asleep (nothing serves it until the environment is woken). If your client gives up on calls after a minute, ask for less and call again while the outcome is stale or timeout.`,
    visibilityPermission: stagelightEnvironmentReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        environmentInput(z).extend({
          marker: z
            .string()
            .regex(/^[A-Za-z0-9._:+\-/]{1,128}$/)
            .optional()
            .describe('The marker to wait for; default the expected one'),
          timeoutSeconds: z
            .number()
            .int()
            .min(0)
            .max(max)
            .optional()
            .describe(
              `How long to wait at most, in seconds (0 to ${max}; ${Math.min(
                DEFAULT_TOOL_WAIT_SECONDS,
                max,
              )} when left out)`,
            ),
        }),
      output: z =>
        z.object({
          outcome: z.enum(WAIT_OUTCOMES),
          served: z.boolean().describe('Whether the marker was served'),
          clinic: z.string(),
          stage: z.string(),
          marker: z.string(),
          servedMarker: z.string().nullable(),
          waitedMs: z.number(),
          probes: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      await guard.requireRead(credentials);
      markerWait.checkTimeout(input.timeoutSeconds);
      const record = await lookup.environment(input.clinic, input.stage);
      const result = await markerWait.wait(record, {
        marker: input.marker,
        timeoutSeconds:
          input.timeoutSeconds ?? Math.min(DEFAULT_TOOL_WAIT_SECONDS, max),
      });
      return { output: { ...result, served: result.outcome === 'ready' } };
    },
  });
}
