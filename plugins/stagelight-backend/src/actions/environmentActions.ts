import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stagelightEnvironmentReadPermission } from '@stagelight/backstage-plugin-stagelight-common';
import { roundRate } from '../cost/calendar';
import { dataAgeSeconds, toSummary } from '../snapshot/EnvironmentRecord';
import { requireKnownStage } from '../snapshot/EnvironmentLookup';
import { ActionDeps } from './ActionDeps';
import {
  desiredSchema,
  environmentInput,
  leaseOf,
  leaseSchema,
  operationOf,
  operationSchema,
  powerStateSchema,
  readinessSchema,
  Z,
} from './actionSchemas';
import { EnvironmentCostRates } from './environmentCost';
import { AWAKE_NOW, filterEnvironments } from './environmentFilter';

const costRateSchema = (z: Z) =>
  z
    .object({
      currency: z.string().nullable(),
      awakeHourlyRate: z
        .number()
        .nullable()
        .describe('What one awake hour of this environment costs'),
      monthToDate: z
        .number()
        .nullable()
        .describe('What it has cost this month so far'),
      unavailable: z
        .string()
        .nullable()
        .describe('Why a figure is null (unknown, not zero); null when known'),
    })
    .describe('From the cost reports (stored Cost Explorer data)');

/** The fleet and one environment, from the status snapshot. */
export function registerEnvironmentActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const {
    guard,
    lookup,
    stages,
    service,
    leases,
    schedules,
    permissions,
    costReports,
    clock,
  } = deps;

  registry.register({
    name: 'list-environments',
    title: 'List Stagelight environments',
    description: `Every clinic stage Stagelight knows, from its status snapshot: power state, deploy readiness, when its lease ends, and its cost rate (what one awake hour costs and month to date; null with the reason when cost is unavailable, never 0). With awake=true only environments that run compute now (${AWAKE_NOW.join(
      ' or ',
    )}): "what is awake and costing money right now?". Filter by clinic and stage.`,
    visibilityPermission: stagelightEnvironmentReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          awake: z
            .boolean()
            .optional()
            .describe(
              `Only environments ${AWAKE_NOW.join(
                ' or ',
              )} now (costing money by the hour)`,
            ),
          clinic: z.string().min(1).optional().describe('Only this clinic'),
          stage: z
            .string()
            .min(1)
            .optional()
            .describe(`Only this stage (${stages.join(', ')})`),
        }),
      output: z =>
        z.object({
          environments: z.array(
            z.object({
              clinic: z.string(),
              stage: z.string(),
              protected: z.boolean(),
              owner: z.string().nullable(),
              power: powerStateSchema(z),
              readiness: readinessSchema(z),
              leaseEndsAt: z
                .string()
                .nullable()
                .describe('When the running lease ends; null without one'),
              cost: costRateSchema(z),
            }),
          ),
          awakeHourlyRate: z
            .number()
            .nullable()
            .describe(
              'Sum of the known hourly rates of the listed environments that are awake now; null when none is known',
            ),
          refreshedAt: z.string(),
          dataAgeSeconds: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      await guard.requireRead(credentials);
      if (input.stage !== undefined) requireKnownStage(input.stage, stages);
      const snapshot = await lookup.snapshot();
      const now = clock.now();
      const rates = new EnvironmentCostRates({
        permissions,
        credentials,
        reports: costReports,
      });
      const environments = [];
      for (const record of filterEnvironments(snapshot.records, input)) {
        const env = { clinic: record.clinic, stage: record.stage };
        const lease = await leases.active(env, now);
        environments.push({
          ...env,
          protected: record.protected,
          owner: record.owner,
          power: record.power,
          readiness: record.readiness,
          leaseEndsAt: lease?.endsAt ?? null,
          cost: await rates.of(env),
        });
      }
      const known = environments.filter(
        e => AWAKE_NOW.includes(e.power) && e.cost.awakeHourlyRate !== null,
      );
      return {
        output: {
          environments,
          awakeHourlyRate: known.length
            ? roundRate(known.reduce((s, e) => s + e.cost.awakeHourlyRate!, 0))
            : null,
          refreshedAt: snapshot.refreshedAt,
          dataAgeSeconds: dataAgeSeconds(snapshot.refreshedAt, now),
        },
      };
    },
  });

  registry.register({
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
          desired: desiredSchema(z),
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
          lease: leaseOf(schedule.lease),
          latestOperation: latest ? operationOf(latest) : null,
        },
      };
    },
  });
}
