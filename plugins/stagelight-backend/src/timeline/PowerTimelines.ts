import {
  DailyCostPoint,
  EnvironmentTimeline,
  LeaseSpan,
  TimelineResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../clock/Clock';
import { addDays, Day, roundMoney, utcDay } from '../cost/calendar';
import type { DailyRow } from '../cost/CostStore';
import type { PowerHistory } from '../cost/PowerHistory';
import type { CostData } from '../cost/reports/CostData';
import type { PowerAuditLog } from '../power/audit/PowerAuditLog';
import {
  sourceOf,
  type ScheduleService,
} from '../power/service/ScheduleService';
import { scheduleTimeline } from '../schedule';
import type { EnvironmentLookup } from '../snapshot/EnvironmentLookup';
import type { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import { hoursByState, powerBands } from './powerBands';
import { MARKED_ACTIONS, powerMarkers } from './powerMarkers';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface PowerTimelinesOptions {
  lookup: Pick<EnvironmentLookup, 'environmentsOf' | 'snapshot'>;
  history: Pick<PowerHistory, 'spans'>;
  schedules: Pick<ScheduleService, 'plans'>;
  auditLog: Pick<PowerAuditLog, 'between'>;
  cost: Pick<CostData, 'dailyCost'>;
  /** The configured stages, in promotion order: a clinic's rows come in this order. */
  stages: string[];
  clock: Clock;
}

/**
 * Power timelines of a clinic or of the fleet over the last `days` x 24 h:
 * the recorded power history as bands, the schedule in force laid over the
 * same period (the schedule module expands its windows), the lease, the
 * audit's wakes, sleeps and lease changes as markers, and, for callers who
 * may read cost, the stored cost of each UTC day. Reads only the database and
 * the snapshot.
 */
export class PowerTimelines {
  constructor(private readonly deps: PowerTimelinesOptions) {}

  /** Every stage of one clinic; a 404 for a clinic with no environments. */
  async clinic(
    clinic: string,
    days: number,
    withCost: boolean,
  ): Promise<TimelineResponse> {
    const records = await this.deps.lookup.environmentsOf({ clinic });
    return this.#timelines(records, days, withCost, clinic);
  }

  /** Every environment of the fleet. */
  async fleet(days: number, withCost: boolean): Promise<TimelineResponse> {
    const { records } = await this.deps.lookup.snapshot();
    return this.#timelines(records, days, withCost);
  }

  async #timelines(
    records: readonly EnvironmentRecord[],
    days: number,
    withCost: boolean,
    clinic?: string,
  ): Promise<TimelineResponse> {
    const { history, auditLog, cost, clock } = this.deps;
    const now = clock.now();
    const toMs = now.getTime();
    const fromMs = toMs - days * DAY_MS;
    const lastDay = utcDay(now);
    const costDays = Array.from({ length: days }, (_, i) =>
      addDays(lastDay, i - days + 1),
    );
    const sorted = this.#inStageOrder(records);
    const stages = [...new Set(sorted.map(r => r.stage))];

    // One read per stage for the history and the cost, one for the audit.
    const [spansByStage, costByStage, audit] = await Promise.all([
      Promise.all(
        stages.map(stage => history.spans({ stage, clinic }, fromMs, toMs)),
      ),
      withCost
        ? Promise.all(
            stages.map(stage =>
              cost.dailyCost({ stage, clinic }, costDays[0], lastDay),
            ),
          )
        : Promise.resolve(null),
      auditLog.between({
        clinic,
        actions: [...MARKED_ACTIONS.keys()],
        from: new Date(fromMs),
        to: now,
      }),
    ]);

    const plans = await this.deps.schedules.plans(sorted, now);
    const environments: EnvironmentTimeline[] = [];
    for (const record of sorted) {
      const s = stages.indexOf(record.stage);
      const bands = powerBands(
        spansByStage[s].get(record.clinic) ?? [],
        fromMs,
        toMs,
        toMs,
      );
      const plan = plans.get(`${record.clinic}/${record.stage}`)!;
      const schedule = plan.override ?? plan.stageDefault;
      const leases: LeaseSpan[] =
        plan.lease &&
        Date.parse(plan.lease.endsAt) > fromMs &&
        Date.parse(plan.lease.startsAt) < toMs
          ? [
              {
                from: plan.lease.startsAt,
                to: plan.lease.endsAt,
                requestedBy: plan.lease.requestedBy,
                reason: plan.lease.reason,
              },
            ]
          : [];
      environments.push({
        clinic: record.clinic,
        stage: record.stage,
        protected: record.protected,
        bands: bands.map(b => ({
          state: b.state,
          from: iso(b.fromMs),
          to: iso(b.toMs),
        })),
        hours: hoursByState(bands),
        scheduleSource: sourceOf(plan.override, plan.stageDefault),
        scheduleWindows: schedule
          ? scheduleTimeline(schedule, fromMs, toMs).intervals.map(w => ({
              from: iso(w.from),
              to: iso(w.to),
            }))
          : [],
        leases,
        markers: powerMarkers(
          audit.filter(
            a => a.clinic === record.clinic && a.stage === record.stage,
          ),
        ),
        dailyCost: costByStage
          ? dailyPoints(
              costByStage[s].rows.filter(r => r.clinic === record.clinic),
              costDays,
            )
          : null,
      });
    }
    return {
      from: iso(fromMs),
      to: iso(toMs),
      days,
      costDays,
      costIncluded: withCost,
      currency: costByStage?.[0]?.currency ?? null,
      environments,
    };
  }

  /** By clinic, then by the configured stage order (unknown stages last). */
  #inStageOrder(records: readonly EnvironmentRecord[]): EnvironmentRecord[] {
    const rank = (stage: string) => {
      const i = this.deps.stages.indexOf(stage);
      return i < 0 ? this.deps.stages.length : i;
    };
    return [...records].sort(
      (a, b) =>
        a.clinic.localeCompare(b.clinic) || rank(a.stage) - rank(b.stage),
    );
  }
}

/** One point per day (the store keeps one row per day and environment); a day without a row is null, not 0. */
function dailyPoints(rows: readonly DailyRow[], days: readonly Day[]) {
  const byDay = new Map(rows.map(r => [r.day, r]));
  return days.map((day): DailyCostPoint => {
    const row = byDay.get(day);
    return {
      day,
      amount: row ? roundMoney(row.amount) : null,
      estimated: row?.estimated ?? false,
    };
  });
}
