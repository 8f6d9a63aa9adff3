import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CostMonthComparison,
  stagelightCostReadPermission,
} from '@stagelight/backstage-plugin-stagelight-common';
import { roundMoney } from '../cost/calendar';
import { requirePermission } from '../permissions/authorize';
import { requireKnownStage } from '../snapshot/EnvironmentLookup';
import { ActionDeps } from './ActionDeps';
import { costMonthSchema, Z } from './actionSchemas';
import { filterEnvironments } from './environmentFilter';

const monthOf = (m: CostMonthComparison) => ({
  monthToDate: m.monthToDate,
  lastMonthToSameDay: m.lastMonthToSameDay,
  lastMonth: m.lastMonth,
});

const savingsSchema = (z: Z) =>
  z.object({
    asleepHours: z.number(),
    awakeHourlyRate: z.number().nullable(),
    amount: z
      .number()
      .nullable()
      .describe('asleepHours x awakeHourlyRate; null when the rate is unknown'),
  });

/**
 * Cost this month by stage and clinic, and savings from sleeping, read from
 * the cost reports (stored Cost Explorer data; no AWS call) with the cost
 * routes' permission.
 */
export function registerCostActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  const { permissions, lookup, stages, costReports } = deps;

  registry.register({
    name: 'get-cost',
    title: 'Get Stagelight cost',
    description:
      'What the fleet costs this month, by stage and by clinic, against last month to the same day and all of last month ("what does staging cost this month?"), and per environment its month to date and what sleeping saved this month (asleep hours from the power history x the awake hourly rate). Filter by clinic and/or stage. Amounts are null when unknown (no cost data for the window, tags not active), never 0 for unknown; diagnostics say why.',
    visibilityPermission: stagelightCostReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          clinic: z.string().min(1).optional().describe('Only this clinic'),
          stage: z
            .string()
            .min(1)
            .optional()
            .describe(`Only this stage (${stages.join(', ')})`),
        }),
      output: z =>
        z.object({
          currency: z.string(),
          refreshedAt: z
            .string()
            .nullable()
            .describe('When Cost Explorer was last read; null if never'),
          lastDay: z.string().nullable().describe('Last day with cost data'),
          total: costMonthSchema(z).describe('The whole fleet'),
          byStage: z.array(costMonthSchema(z).extend({ stage: z.string() })),
          byClinic: z.array(costMonthSchema(z).extend({ clinic: z.string() })),
          environments: z.array(
            z.object({
              clinic: z.string(),
              stage: z.string(),
              month: costMonthSchema(z),
              savings: savingsSchema(z),
            }),
          ),
          savings: z
            .object({
              monthToDate: z
                .number()
                .nullable()
                .describe(
                  'Sum over the listed environments whose rate is known; null when none is',
                ),
              unknownFor: z
                .array(z.string())
                .describe('clinic/stage of environments without a known rate'),
              method: z.string().nullable(),
            })
            .describe('Savings from sleeping this month'),
          diagnostics: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        stagelightCostReadPermission,
        'Not allowed to read Stagelight cost',
      );
      if (input.stage !== undefined) requireKnownStage(input.stage, stages);
      const summary = await costReports.summary();
      const snapshot = await lookup.snapshot();
      const environments = [];
      const unknownFor: string[] = [];
      let saved: number | null = null;
      let method: string | null = null;
      for (const record of filterEnvironments(snapshot.records, input)) {
        const report = await costReports
          .environment(record.clinic, record.stage)
          .catch(error => {
            // No cost data or power history for it yet: unknown, not zero.
            if (error?.name === 'NotFoundError') return undefined;
            throw error;
          });
        const ref = `${record.clinic}/${record.stage}`;
        if (!report || report.savings.amount === null) unknownFor.push(ref);
        else saved = (saved ?? 0) + report.savings.amount;
        method ??= report?.savings.method ?? null;
        environments.push({
          clinic: record.clinic,
          stage: record.stage,
          month: report
            ? monthOf(report.month)
            : { monthToDate: null, lastMonthToSameDay: null, lastMonth: null },
          savings: {
            asleepHours: report?.savings.asleepHours ?? 0,
            awakeHourlyRate: report?.savings.awakeHourlyRate ?? null,
            amount: report?.savings.amount ?? null,
          },
        });
      }
      return {
        output: {
          currency: summary.data.currency,
          refreshedAt: summary.data.refreshedAt,
          lastDay: summary.data.lastDay,
          total: monthOf(summary.total),
          byStage: summary.byStage
            .filter(s => input.stage === undefined || s.stage === input.stage)
            .map(s => ({ stage: s.stage, ...monthOf(s) })),
          byClinic: summary.byClinic
            .filter(
              c => input.clinic === undefined || c.clinic === input.clinic,
            )
            .map(c => ({ clinic: c.clinic, ...monthOf(c) })),
          environments,
          savings: {
            monthToDate: saved === null ? null : roundMoney(saved),
            unknownFor,
            method,
          },
          diagnostics: summary.diagnostics.map(d => d.message),
        },
      };
    },
  });
}
