import {
  CostForecast,
  CostMonthComparison,
  CostSummaryResponse,
  EnvironmentCostResponse,
  SleepSavings,
  StageForecastResponse,
} from '@internal/plugin-stagelight-common';
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
import {
  AWS_FORECAST_METHOD,
  DayAmount,
  sumInRange,
  TREND_METHOD,
  trendForecast,
} from '../forecast';
import { awakeHourlyRate, powerHours, PowerSpan } from '../runRate';
import { byDay, covered, EMPTY_MONTH, isUntagged, sumOf } from './amounts';
import { CostData } from './CostData';
import { noEnvironmentCost } from './costDiagnostics';

/**
 * The cost reports the pages read, all from the database: the fleet summary
 * by stage and clinic, one environment's month, trend and savings, and a
 * stage's forecast.
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
    const w = overview.windows;
    // Without active tags every stage and clinic would show 0: unknown is not zero.
    const attributable = !overview.tagDiagnostics.some(
      d => d.code === 'TAGS_NOT_ACTIVATED',
    );
    const first = overview.firstDay;
    const ranges = first
      ? monthWindows(utcDay(this.deps.clock.now()), overview.lastDay!)
      : null;
    const month = (keep: (g: GroupAmount) => boolean): CostMonthComparison =>
      w && ranges && first
        ? {
            monthToDate: covered(ranges.monthToDate, first, sumOf(w.mtd, keep)),
            lastMonthToSameDay: covered(
              ranges.lastMonthToSameDay,
              first,
              sumOf(w.sameDay, keep),
            ),
            lastMonth: covered(
              ranges.lastMonth,
              first,
              sumOf(w.lastMonth, keep),
            ),
          }
        : EMPTY_MONTH;
    const clinics = new Set<string>();
    for (const g of [...(w?.mtd ?? []), ...(w?.lastMonth ?? [])]) {
      if (g.clinic !== '') clinics.add(g.clinic);
    }
    const stages = [...this.deps.settings.stages];
    for (const g of [...(w?.mtd ?? []), ...(w?.lastMonth ?? [])]) {
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
      untaggedMonthToDate: w ? roundMoney(sumOf(w.mtd, isUntagged)) : null,
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
      return {
        stage,
        clinic: null,
        method: 'aws-cost-forecast',
        methodDescription: `${AWS_FORECAST_METHOD} (forecast from ${
          stored.start
        }, read ${new Date(stored.fetchedAtMs).toISOString()})`,
        period: { start: thisMonth, end: nextMonthStart(today) },
        monthToDate: roundMoney(monthToDate),
        remainder: roundMoney(stored.amount),
        monthTotal: roundMoney(monthToDate + stored.amount),
        diagnostics,
        data: info,
      };
    }
    const trend = trendOf(stage, null, daily, today);
    const why = stored?.error
      ? ` GetCostForecast is unavailable (${stored.error}), so the trend is used.`
      : '';
    return {
      ...trend,
      methodDescription: `${trend.methodDescription}.${why}`,
      diagnostics,
      data: info,
    };
  }
}

function monthOf(
  daily: DayAmount[],
  today: Day,
  range: { first: Day | null; last: Day | null },
): CostMonthComparison {
  if (!range.first || !range.last) return EMPTY_MONTH;
  const w = monthWindows(today, range.last);
  const amount = (r: [Day, Day]) =>
    covered(r, range.first!, sumInRange(daily, ...r));
  return {
    monthToDate: amount(w.monthToDate),
    lastMonthToSameDay: amount(w.lastMonthToSameDay),
    lastMonth: amount(w.lastMonth),
  };
}

function trendOf(
  stage: string,
  clinic: string | null,
  daily: DayAmount[],
  today: Day,
): CostForecast {
  const t = trendForecast(daily, today);
  return {
    stage,
    clinic,
    method: 'trend',
    methodDescription: TREND_METHOD,
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
  return {
    period: { start: new Date(from).toISOString(), end: now.toISOString() },
    asleepHours: Math.round(hours.asleep * 100) / 100,
    recordedHours: Math.round(hours.recorded * 100) / 100,
    awakeHourlyRate: rate ? roundRate(rate.hourly) : null,
    amount: rate ? roundMoney(hours.asleep * rate.hourly) : null,
    method: `asleep hours (power states ${['asleep', 'paused'].join(
      '/',
    )}) this month from the recorded power history x awake hourly rate; awake rate: ${
      rate?.method ?? 'unknown, no cost data'
    }`,
  };
}
