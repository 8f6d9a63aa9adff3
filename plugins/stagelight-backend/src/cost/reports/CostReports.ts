import { InputError } from '@backstage/errors';
import {
  ClinicCostResponse,
  ClinicStageCost,
  CostForecast,
  CostMonthComparison,
  CostSummaryResponse,
  EnvironmentCostResponse,
  SleepSavings,
  StageForecastResponse,
} from '@stagelight/backstage-plugin-stagelight-common';
import { isValidClinicId } from '@stagelight/tag-contract';
import { Clock } from '../../clock/Clock';
import {
  addDays,
  Day,
  dayStartMs,
  monthStart,
  monthWindows,
  nextMonthStart,
  roundMoney,
  roundRate,
  utcDay,
} from '../calendar';
import { CostSettings } from '../CostSettings';
import { CostStore, GroupAmount } from '../CostStore';
import { DayAmount, sumInRange, trendForecast } from '../forecast';
import { awakeHourlyRate, powerHours, PowerSpan } from '../runRate';
import {
  byDay,
  EMPTY_MONTH,
  isUntagged,
  monthComparison,
  sumOf,
} from './amounts';
import { awsForecastMethod, savingsMethod, trendMethod } from './costMethods';
import { CostData } from './CostData';
import { noEnvironmentCost } from './costDiagnostics';

/**
 * The cost reports the pages read, all from the database: the fleet summary
 * by stage and clinic, one environment's month, trend and savings, a clinic's
 * stages as the stage board shows them, and a stage's forecast.
 */
export class CostReports {
  constructor(
    private readonly deps: {
      data: CostData;
      store: CostStore;
      settings: Pick<CostSettings, 'stages'>;
      clock: Clock;
    },
  ) {}

  async summary(): Promise<CostSummaryResponse> {
    const { info, diagnostics, overview } = await this.deps.data.read();
    const { windows, periods, firstDay } = overview;
    // Without active tags every stage and clinic would show 0: unknown is not zero.
    const attributable = !overview.tagDiagnostics.some(
      d => d.code === 'TAGS_NOT_ACTIVATED',
    );
    const month = (keep: (g: GroupAmount) => boolean): CostMonthComparison =>
      windows && periods && firstDay
        ? monthComparison(periods, firstDay, w => sumOf(windows[w], keep))
        : EMPTY_MONTH;
    const seen = windows
      ? [...windows.monthToDate, ...windows.lastMonth, ...windows.last30Days]
      : [];
    const clinics = new Set<string>();
    for (const g of seen) {
      if (g.clinic !== '') clinics.add(g.clinic);
    }
    const stages = [...this.deps.settings.stages];
    for (const g of seen) {
      if (g.stage !== '' && !stages.includes(g.stage)) stages.push(g.stage);
    }
    return {
      data: info,
      total: month(() => true),
      byStage: stages.map(stage => ({
        stage,
        ...(attributable ? month(g => g.stage === stage) : EMPTY_MONTH),
      })),
      byClinic: [...clinics]
        .sort()
        .map(clinic => ({ clinic, ...month(g => g.clinic === clinic) })),
      untaggedMonthToDate:
        windows && periods?.monthToDateDays
          ? roundMoney(sumOf(windows.monthToDate, isUntagged))
          : null,
      diagnostics,
    };
  }

  async environment(
    clinic: string,
    stage: string,
  ): Promise<EnvironmentCostResponse> {
    const { data, clock } = this.deps;
    const { info, diagnostics, overview } = await data.read();
    const rows = await data.environmentRows(
      clinic,
      stage,
      overview.lastDay !== null,
    );
    const now = clock.now();
    const today = utcDay(now);
    const daily = byDay(rows);
    const spans =
      (await data.lookbackSpans({ stage, clinic }, now.getTime())).get(
        clinic,
      ) ?? [];
    const envDiagnostics = [...diagnostics];
    if (overview.lastDay && rows.length === 0) {
      envDiagnostics.push(noEnvironmentCost(clinic, stage));
    }
    return {
      clinic,
      stage,
      data: info,
      month: rows.length
        ? monthOf(daily, today, {
            first: overview.firstDay,
            last: overview.lastDay,
          })
        : EMPTY_MONTH,
      daily: rows.map(r => ({
        date: r.day,
        amount: roundMoney(r.amount),
        estimated: r.estimated,
      })),
      forecast: trendOf(stage, clinic, daily, today),
      savings: savingsOf(daily, spans, now),
      diagnostics: envDiagnostics,
    };
  }

  /**
   * Every configured stage of one clinic in one answer (the stage board asks
   * once, not per stage): month to date, the awake hourly rate, and what a
   * day asleep saves by the savings rule (asleep hours x awake rate).
   */
  async clinic(clinic: string): Promise<ClinicCostResponse> {
    if (!isValidClinicId(clinic)) {
      throw new InputError(`'${clinic}' is not a valid clinic id`);
    }
    const { data, store, settings, clock } = this.deps;
    const { info, diagnostics, overview } = await data.read();
    const now = clock.now();
    const today = utcDay(now);
    const stages = await Promise.all(
      settings.stages.map(async (stage): Promise<ClinicStageCost> => {
        const daily = byDay(await store.daily({ stage, clinic }));
        const spans =
          (await data.lookbackSpans({ stage, clinic }, now.getTime())).get(
            clinic,
          ) ?? [];
        const rate = awakeHourlyRate(daily, spans, now.getTime());
        const month = daily.length
          ? monthOf(daily, today, {
              first: overview.firstDay,
              last: overview.lastDay,
            })
          : EMPTY_MONTH;
        return {
          stage,
          monthToDate: month.monthToDate,
          last30Days: month.last30Days,
          awakeHourlyRate: rate ? roundRate(rate.hourly) : null,
          asleepDaySavings: rate ? roundMoney(24 * rate.hourly) : null,
        };
      }),
    );
    return { clinic, data: info, stages, diagnostics };
  }

  async stageForecast(stage: string): Promise<StageForecastResponse> {
    const { data, store, clock } = this.deps;
    data.checkStage(stage);
    const { info, diagnostics } = await data.read();
    const today = utcDay(clock.now());
    const daily = byDay(await store.daily({ stage }));
    const stored = await store.forecast(stage);
    const thisMonth = monthStart(today);
    if (
      stored &&
      stored.amount !== null &&
      monthStart(stored.start) === thisMonth &&
      daily.length
    ) {
      const monthToDate = sumInRange(
        daily,
        thisMonth,
        addDays(nextMonthStart(today), -1),
      );
      const words = awsForecastMethod(stored.start, stored.fetchedAtMs);
      return {
        stage,
        clinic: null,
        method: 'aws-cost-forecast',
        methodDescription: words.description,
        methodDetail: words.detail,
        period: { start: thisMonth, end: nextMonthStart(today) },
        monthToDate: roundMoney(monthToDate),
        remainder: roundMoney(stored.amount),
        monthTotal: roundMoney(monthToDate + stored.amount),
        diagnostics,
        data: info,
      };
    }
    const words = trendMethod(stored?.error ?? undefined);
    return {
      ...trendOf(stage, null, daily, today),
      methodDescription: words.description,
      methodDetail: words.detail,
      diagnostics,
      data: info,
    };
  }
}

/** An environment's (or a clinic stage's) month, by the one comparison rule. */
function monthOf(
  daily: DayAmount[],
  today: Day,
  range: { first: Day | null; last: Day | null },
): CostMonthComparison {
  if (!range.first || !range.last) return EMPTY_MONTH;
  const w = monthWindows(today, range.last);
  return monthComparison(w, range.first, window =>
    sumInRange(daily, ...w[window]),
  );
}

function trendOf(
  stage: string,
  clinic: string | null,
  daily: DayAmount[],
  today: Day,
): CostForecast {
  const t = trendForecast(daily, today);
  const words = trendMethod();
  return {
    stage,
    clinic,
    method: 'trend',
    methodDescription: words.description,
    methodDetail: words.detail,
    period: { start: monthStart(today), end: nextMonthStart(today) },
    monthToDate: t ? roundMoney(t.monthToDate) : null,
    remainder: t ? roundMoney(t.remainder) : null,
    monthTotal: t ? roundMoney(t.monthTotal) : null,
    diagnostics: [],
  };
}

/** Month to date: asleep hours from the power history x the awake hourly rate. */
function savingsOf(
  daily: DayAmount[],
  spans: PowerSpan[],
  now: Date,
): SleepSavings {
  const nowMs = now.getTime();
  const from = dayStartMs(monthStart(utcDay(now)));
  const hours = powerHours(spans, from, nowMs, nowMs);
  const rate = awakeHourlyRate(daily, spans, nowMs);
  const words = savingsMethod(rate);
  return {
    period: { start: new Date(from).toISOString(), end: now.toISOString() },
    asleepHours: Math.round(hours.asleep * 100) / 100,
    recordedHours: Math.round(hours.recorded * 100) / 100,
    awakeHourlyRate: rate ? roundRate(rate.hourly) : null,
    amount: rate ? roundMoney(hours.asleep * rate.hourly) : null,
    method: words.description,
    methodDetail: words.detail,
  };
}
