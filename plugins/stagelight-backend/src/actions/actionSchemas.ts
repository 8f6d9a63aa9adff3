import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import {
  PowerLease,
  PowerOperation,
  POWER_STATES,
  READINESS_STATES,
  ScheduleResponse,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SCHEDULE_EXCEPTIONS,
  MAX_SCHEDULE_WINDOWS,
  MAX_TIME_ZONE_LENGTH,
} from '../schema/bounds';

/*
 * The shapes the Stagelight actions share. Like the HTTP contract they bound
 * types and sizes only; what depends on config or meaning (the lease cap, a
 * real time zone, a non-blank reason) is checked by the same request parsing
 * the routes use, so that a refusal is audited.
 */

/** The zod the registry hands to schema functions. */
export type Z = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

export const environmentInput = (z: Z) =>
  z.object({
    clinic: z.string().min(1).describe('Clinic id, e.g. northside'),
    stage: z.string().min(1).describe('Stage name, e.g. dev'),
  });

export const reasonInput = (z: Z) =>
  z
    .string()
    .describe(
      `Why, for the audit history (at most ${MAX_REASON_LENGTH} characters)`,
    );

export const powerStateSchema = (z: Z) => z.enum(POWER_STATES);
export const readinessSchema = (z: Z) => z.enum(READINESS_STATES);

export const operationSchema = (z: Z) =>
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

export function operationOf(op: PowerOperation) {
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

export const leaseSchema = (z: Z) =>
  z.object({
    startsAt: z.string(),
    endsAt: z.string(),
    requestedBy: z.string(),
    reason: z.string(),
  });

export function leaseOf(lease: PowerLease | null | undefined) {
  return lease
    ? {
        startsAt: lease.startsAt,
        endsAt: lease.endsAt,
        requestedBy: lease.requestedBy,
        reason: lease.reason,
      }
    : null;
}

export const desiredSchema = (z: Z) =>
  z.object({
    state: z.enum(['awake', 'asleep']),
    reason: z.string(),
    nextTransition: z
      .object({ at: z.string(), state: z.enum(['awake', 'asleep']) })
      .nullable(),
  });

/** The schedule model (`Schedule` of stagelight-common), bounded as the HTTP contract bounds it. */
export const scheduleSchema = (z: Z) =>
  z.object({
    timeZone: z
      .string()
      .max(MAX_TIME_ZONE_LENGTH)
      .describe('IANA time zone the windows are in, e.g. Europe/Berlin'),
    windows: z
      .array(
        z.object({
          days: z
            .array(z.enum(WEEKDAYS as [string, ...string[]]))
            .max(WEEKDAYS.length)
            .describe('Days the window starts on'),
          start: z.string().max(5).describe('HH:MM local time'),
          end: z.string().max(5).describe('HH:MM local time'),
        }),
      )
      .max(MAX_SCHEDULE_WINDOWS)
      .describe('Weekly windows the environment is awake in'),
    preWarmMinutes: z
      .number()
      .optional()
      .describe('Wake this many minutes before each window (default 0)'),
    exceptions: z
      .array(
        z.object({
          date: z.string().max(10).describe('YYYY-MM-DD in the time zone'),
          state: z.enum(['awake', 'asleep']),
          note: z.string().max(MAX_NOTE_LENGTH).optional(),
        }),
      )
      .max(MAX_SCHEDULE_EXCEPTIONS)
      .optional()
      .describe('Whole local days forced awake or asleep'),
  });

export const scheduleResponseSchema = (z: Z) =>
  z.object({
    clinic: z.string(),
    stage: z.string(),
    schedule: scheduleSchema(z).nullable(),
    source: z.enum(['override', 'stage-default', 'none']),
    protected: z.boolean(),
    lease: leaseSchema(z).nullable(),
    maxLeaseHours: z.number(),
    desired: desiredSchema(z),
  });

export function scheduleResponseOf(r: ScheduleResponse) {
  return {
    clinic: r.clinic,
    stage: r.stage,
    schedule: r.schedule,
    source: r.source,
    protected: r.protected,
    lease: leaseOf(r.lease),
    maxLeaseHours: r.maxLeaseHours,
    desired: r.desired,
  };
}

/** Month to date against last month; null is unknown (no data for the window), never 0. */
export const costMonthSchema = (z: Z) =>
  z.object({
    monthToDate: z.number().nullable(),
    lastMonthToSameDay: z.number().nullable(),
    lastMonth: z.number().nullable(),
  });
