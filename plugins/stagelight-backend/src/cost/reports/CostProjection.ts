import {
  CostProjectionRequest,
  CostProjectionResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { Clock } from '../../clock/Clock';
import { roundMoney, roundRate } from '../calendar';
import { CostStore, DailyRow } from '../CostStore';
import { awakeHoursInMonth, projectMonthlyCost } from '../projection';
import {
  asleepHourlyRate,
  awakeHourlyRate,
  currentDailyRunRate,
} from '../runRate';
import { byDay } from './amounts';
import { CostData } from './CostData';
import { leftOutOfProjection } from './costDiagnostics';

/**
 * What a proposed schedule would cost over this month for one environment or
 * every environment of a stage, against the current run rate, from each
 * environment's awake and asleep hourly rates.
 */
export class CostProjection {
  constructor(
    private readonly deps: { data: CostData; store: CostStore; clock: Clock },
  ) {}

  async project(
    request: CostProjectionRequest,
  ): Promise<CostProjectionResponse> {
    const { data, store, clock } = this.deps;
    const { clinic, stage, schedule } = request;
    data.checkStage(stage);
    const { diagnostics, overview } = await data.read();
    const now = clock.now();
    const nowMs = now.getTime();

    const clinics =
      clinic !== undefined ? [clinic] : await store.clinicsOf(stage);
    if (clinic !== undefined)
      await data.environmentRows(clinic, stage, overview.lastDay !== null);
    const hours = awakeHoursInMonth(schedule, now);
    const spansByClinic = await data.lookbackSpans(
      clinic !== undefined ? { stage, clinic } : { stage },
      nowMs,
    );
    const rowsByClinic = new Map<string, DailyRow[]>();
    for (const r of clinic !== undefined
      ? await store.daily({ stage, clinic })
      : await store.daily({ stage })) {
      if (r.clinic === '') continue;
      rowsByClinic.set(r.clinic, [...(rowsByClinic.get(r.clinic) ?? []), r]);
    }

    let awake = 0;
    let asleep = 0;
    let current = 0;
    let counted = 0;
    const methods = new Set<string>();
    const projDiagnostics = [...diagnostics];
    for (const c of clinics) {
      const daily = byDay(rowsByClinic.get(c) ?? []);
      const spans = spansByClinic.get(c) ?? [];
      const a = awakeHourlyRate(daily, spans, nowMs);
      const s = asleepHourlyRate(daily, spans, nowMs);
      const run = currentDailyRunRate(daily);
      if (!a || !s || !run) {
        if (overview.lastDay)
          projDiagnostics.push(leftOutOfProjection(c, stage));
        continue;
      }
      awake += a.hourly;
      // The floor cannot exceed the awake rate; noisy data would otherwise project a cost for sleeping.
      asleep += Math.min(s.hourly, a.hourly);
      current += run.daily;
      counted++;
      methods.add(`awake rate: ${a.method}`);
      methods.add(`asleep rate (storage floor): ${s.method}`);
      methods.add(
        `current: mean daily cost of the last ${run.days} days x days in the month`,
      );
    }

    const month = {
      start: hours.start,
      end: hours.end,
      timeZone: schedule.timeZone,
    };
    const base = {
      clinic: clinic ?? null,
      stage,
      environments: counted,
      month,
      hoursInMonth: hours.hoursInMonth,
      awakeHours: Math.round(hours.awakeHours * 100) / 100,
      asleepHours: Math.round(hours.asleepHours * 100) / 100,
    };
    const method = `monthly cost = awake hours x awake hourly rate + asleep hours x asleep hourly rate, summed over environments; savings = current monthly run rate - projected. ${[
      ...methods,
    ].join('; ')}`;
    if (counted === 0) {
      return {
        ...base,
        awakeHourlyRate: null,
        asleepHourlyRate: null,
        currentMonthlyCost: null,
        projectedMonthlyCost: null,
        savings: null,
        method,
        diagnostics: projDiagnostics,
      };
    }
    const p = projectMonthlyCost(
      { awakeHourly: awake, asleepHourly: asleep, currentDaily: current },
      hours,
    );
    return {
      ...base,
      awakeHourlyRate: roundRate(awake),
      asleepHourlyRate: roundRate(asleep),
      currentMonthlyCost: roundMoney(p.currentMonthly),
      projectedMonthlyCost: roundMoney(p.projectedMonthly),
      savings: roundMoney(p.savings),
      method,
      diagnostics: projDiagnostics,
    };
  }
}
