import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CostDataInfo,
  CostDiagnostic,
  CostForecast,
  CostMonthComparison,
  CostProjectionResponse,
  CostSummaryResponse,
  EnvironmentCostResponse,
  SleepSavings,
  StageForecastResponse,
} from '@internal/plugin-stagelight-common';
import { isValidClinicId } from '@internal/stagelight-tag-contract';
import { Knex } from 'knex';
import { Clock } from '../status/Clock';
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
} from './calendar';
import {
  CostBudgetExhaustedError,
  CostExplorerAdapter,
  CostExplorerClientFactory,
  CostRow,
} from './CostExplorerAdapter';
import { CostSettings } from './CostSettings';
import { CostStore, DailyRow, GroupAmount, TagActivation } from './CostStore';
import {
  AWS_FORECAST_METHOD,
  DayAmount,
  sumInRange,
  TREND_METHOD,
  trendForecast,
} from './forecast';
import { PowerHistory, PowerSample } from './PowerHistory';
import {
  awakeHoursInMonth,
  parseSchedule,
  projectMonthlyCost,
} from './projection';
import {
  asleepHourlyRate,
  awakeHourlyRate,
  currentDailyRunRate,
  powerHours,
  PowerSpan,
} from './runRate';
import { forecastFailureText } from './forecastFailure';

export interface CostServiceOptions {
  knex: Knex;
  settings: CostSettings;
  clientFactory: CostExplorerClientFactory;
  clock: Clock;
  logger: LoggerService;
}

export type RefreshOutcome =
  | 'fresh'
  | 'refreshed'
  | 'retry-later'
  | 'in-progress'
  | 'budget-exhausted'
  | 'failed';

/** How long one replica's claim on a refresh lasts (a crashed replica's claim lapses). */
const CLAIM_MS = 10 * 60_000;
/** After a failed GetCostForecast for a stage, the trend is used this long before AWS is asked again. */
const FORECAST_RETRY_MS = 24 * 3600_000;
/** Power history kept beyond the look-back, so the first month of it stays whole. */
const HISTORY_MARGIN_DAYS = 31;

/** What every read of one data generation shares; recomputed when the data or the day changes. */
interface Overview {
  key: string;
  lastDay: Day | null;
  firstDay: Day | null;
  windows: {
    mtd: GroupAmount[];
    sameDay: GroupAmount[];
    lastMonth: GroupAmount[];
  } | null;
  tagDiagnostics: CostDiagnostic[];
}

const EMPTY_MONTH: CostMonthComparison = {
  monthToDate: null,
  lastMonthToSameDay: null,
  lastMonth: null,
};

function byDay(rows: DailyRow[]): DayAmount[] {
  const map = new Map<Day, number>();
  for (const r of rows) map.set(r.day, (map.get(r.day) ?? 0) + r.amount);
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, amount]) => ({ day, amount }));
}

/** A window's amount, or null when the stored days do not reach back to its start (unknown, not zero). */
function covered(
  range: [Day, Day],
  firstDay: Day,
  amount: number,
): number | null {
  return range[0] < firstDay ? null : roundMoney(amount);
}

function sumOf(groups: GroupAmount[], keep: (g: GroupAmount) => boolean) {
  return groups.filter(keep).reduce((s, g) => s + g.amount, 0);
}

/**
 * Cost per stage, clinic and environment from Cost Explorer, on a fixed daily
 * request budget: AWS is called only by `refreshIfStale` (the scheduled task,
 * or a read when nothing was ever stored); every read is served from the
 * database.
 */
export class CostService {
  readonly #o: CostServiceOptions;
  readonly #store: CostStore;
  readonly #history: PowerHistory;
  readonly #adapter: CostExplorerAdapter;
  #refreshing?: Promise<RefreshOutcome>;
  #overview?: Overview;

  constructor(options: CostServiceOptions) {
    this.#o = options;
    this.#store = new CostStore(options.knex);
    this.#history = new PowerHistory(options.knex);
    this.#adapter = new CostExplorerAdapter(
      options.clientFactory,
      options.settings,
      () =>
        this.#store.spendRequest(
          utcDay(options.clock.now()),
          options.settings.dailyRequestBudget,
        ),
    );
  }

  /** Called after each status refresh with the whole fleet's power states. */
  async recordPowerSamples(samples: PowerSample[], at: Date): Promise<void> {
    await this.#history.record(samples, at);
  }

  /** Reads Cost Explorer when the stored data is older than its TTL, within the budget. */
  refreshIfStale(): Promise<RefreshOutcome> {
    // Concurrent callers in one replica share one refresh.
    this.#refreshing ??= this.#refreshIfStale().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refreshIfStale(): Promise<RefreshOutcome> {
    const { settings, clock, logger } = this.#o;
    const nowMs = clock.now().getTime();
    const state = await this.#store.state();
    if (state?.refreshedAtMs && nowMs - state.refreshedAtMs < settings.ttlMs) {
      return 'fresh';
    }
    const lastFailed =
      state?.attemptedAtMs && (state.refreshedAtMs ?? 0) < state.attemptedAtMs;
    if (lastFailed && nowMs - state!.attemptedAtMs! < settings.retryAfterMs) {
      return 'retry-later';
    }
    if (!(await this.#store.claimRefresh(nowMs, CLAIM_MS)))
      return 'in-progress';

    const today = utcDay(nowMs);
    try {
      // A refresh the rest of today's budget cannot finish would spend it for nothing.
      const left =
        settings.dailyRequestBudget - (await this.#store.requestsOn(today));
      if (state?.pages && left < state.pages) {
        throw new CostBudgetExhaustedError(settings.dailyRequestBudget);
      }
      // Cost Explorer's End is exclusive: whole days up to yesterday.
      const { rows, pages } = await this.#adapter.dailyCost(
        addDays(today, -settings.lookbackDays),
        today,
      );
      const tagStatus = await this.#tagStatusIfSuspicious(rows);
      await this.#store.saveResults(rows, { nowMs, pages, tagStatus });
      logger.info(
        `Stagelight read ${rows.length} cost rows from Cost Explorer in ${pages} page(s)`,
      );
      await this.#refreshForecasts(rows, today, nowMs);
      await this.#history.prune(
        dayStartMs(
          addDays(today, -(settings.lookbackDays + HISTORY_MARGIN_DAYS)),
        ),
      );
      return 'refreshed';
    } catch (error) {
      const budget = error instanceof CostBudgetExhaustedError;
      const message = `${(error as Error).name}: ${(error as Error).message}`;
      await this.#store.saveFailure(message);
      logger.warn(`Stagelight cost refresh did not complete: ${message}`);
      return budget ? 'budget-exhausted' : 'failed';
    }
  }

  /** Asks billing about the tag keys only when the data hints they are not active. */
  async #tagStatusIfSuspicious(rows: CostRow[]): Promise<TagActivation | null> {
    const untagged = rows.some(
      r => (r.stage === '' || r.clinic === '') && r.amount > 0,
    );
    if (rows.length > 0 && !untagged) return null;
    const { tags } = this.#o.settings;
    try {
      return await this.#adapter.tagStatus([tags.stage, tags.clinic]);
    } catch (error) {
      // moto and some partitions lack ListCostAllocationTags; the data itself still tells.
      this.#o.logger.debug(
        `ListCostAllocationTags failed: ${(error as Error).message}`,
      );
      return null;
    }
  }

  async #refreshForecasts(rows: CostRow[], today: Day, nowMs: number) {
    const stages = new Set(rows.filter(r => r.stage !== '').map(r => r.stage));
    const end = nextMonthStart(today);
    for (const stage of this.#o.settings.stages.filter(s => stages.has(s))) {
      const previous = await this.#store.forecast(stage);
      if (previous?.error && nowMs - previous.fetchedAtMs < FORECAST_RETRY_MS)
        continue;
      try {
        const amount = await this.#adapter.stageForecast(stage, today, end);
        await this.#store.saveForecast({
          stage,
          fetchedAtMs: nowMs,
          start: today,
          end,
          amount,
          error: null,
        });
      } catch (error) {
        if (error instanceof CostBudgetExhaustedError) return;
        await this.#store.saveForecast({
          stage,
          fetchedAtMs: nowMs,
          start: today,
          end,
          amount: null,
          error: forecastFailureText(error),
        });
      }
    }
  }

  /** Data info and the diagnostics that concern all of it; refreshes only if nothing was ever stored. */
  async #data(): Promise<{
    info: CostDataInfo;
    diagnostics: CostDiagnostic[];
    overview: Overview;
  }> {
    const { settings, clock } = this.#o;
    let state = await this.#store.state();
    if (!state?.refreshedAtMs) {
      await this.refreshIfStale();
      state = await this.#store.state();
    }
    const now = clock.now();
    const today = utcDay(now);
    const overview = await this.#overviewFor(
      state?.refreshedAtMs ?? null,
      today,
    );
    const diagnostics: CostDiagnostic[] = [];
    if (!overview.lastDay) {
      diagnostics.push({
        code: 'NO_COST_DATA',
        message: state?.refreshedAtMs
          ? `Cost Explorer has no cost for ${settings.tags.app}=${settings.appName} in the last ${settings.lookbackDays} days. New cost allocation tags take up to 24 hours to show cost.`
          : 'Cost Explorer has not been read yet.',
      });
    }
    diagnostics.push(...overview.tagDiagnostics);
    if (state?.error) {
      const budget = state.error.startsWith('CostBudgetExhaustedError');
      diagnostics.push({
        code: budget ? 'BUDGET_EXHAUSTED' : 'REFRESH_FAILED',
        message: budget
          ? `Today's budget of ${settings.dailyRequestBudget} Cost Explorer requests is spent; stored data is shown.`
          : `The last Cost Explorer read failed (${state.error}); stored data is shown.`,
      });
    }
    const ageMs = state?.refreshedAtMs
      ? now.getTime() - state.refreshedAtMs
      : null;
    if (ageMs !== null && ageMs > 2 * settings.ttlMs) {
      diagnostics.push({
        code: 'STALE_DATA',
        message: `Cost data is ${Math.round(
          ageMs / 3600_000,
        )} hours old (refreshed every ${Math.round(
          settings.ttlMs / 3600_000,
        )} hours).`,
      });
    }
    return {
      info: {
        refreshedAt: state?.refreshedAtMs
          ? new Date(state.refreshedAtMs).toISOString()
          : null,
        dataAgeSeconds:
          ageMs === null ? null : Math.max(0, Math.round(ageMs / 1000)),
        firstDay: overview.firstDay,
        lastDay: overview.lastDay,
        currency: state?.currency ?? 'USD',
        budget: {
          usedToday: await this.#store.requestsOn(today),
          dailyLimit: settings.dailyRequestBudget,
        },
      },
      diagnostics,
      overview,
    };
  }

  async #overviewFor(
    refreshedAtMs: number | null,
    today: Day,
  ): Promise<Overview> {
    const key = `${refreshedAtMs}|${today}`;
    if (this.#overview?.key === key) return this.#overview;
    const range = await this.#store.dayRange();
    let windows: Overview['windows'] = null;
    const tagDiagnostics: CostDiagnostic[] = [];
    if (range) {
      const w = monthWindows(today, range.last);
      const [mtd, sameDay, lastMonth, all] = await Promise.all([
        this.#store.sums(...w.monthToDate),
        this.#store.sums(...w.lastMonthToSameDay),
        this.#store.sums(...w.lastMonth),
        this.#store.sums(range.first, range.last),
      ]);
      windows = { mtd, sameDay, lastMonth };
      const untagged = (g: GroupAmount) => g.stage === '' || g.clinic === '';
      const total = sumOf(all, () => true);
      const untaggedTotal = sumOf(all, untagged);
      const state = await this.#store.state();
      const inactive = Object.entries(state?.tagStatus ?? {})
        .filter(([, s]) => s !== 'Active')
        .map(([k]) => k);
      if ((total > 0 && untaggedTotal >= total) || inactive.length > 0) {
        tagDiagnostics.push(this.#tagsNotActivated(inactive));
      } else if (untaggedTotal > 0) {
        tagDiagnostics.push({
          code: 'UNTAGGED_COST',
          message: `${roundMoney(
            untaggedTotal,
          )} of the app's cost in the last ${
            this.#o.settings.lookbackDays
          } days carries no stage or clinic tag and is not attributed to any environment.`,
        });
      }
    } else {
      const state = await this.#store.state();
      const inactive = Object.entries(state?.tagStatus ?? {})
        .filter(([, s]) => s !== 'Active')
        .map(([k]) => k);
      if (inactive.length > 0)
        tagDiagnostics.push(this.#tagsNotActivated(inactive));
    }
    this.#overview = {
      key,
      firstDay: range?.first ?? null,
      lastDay: range?.last ?? null,
      windows,
      tagDiagnostics,
    };
    return this.#overview;
  }

  #tagsNotActivated(inactive: string[]): CostDiagnostic {
    const { tags } = this.#o.settings;
    const keys = inactive.length > 0 ? inactive : [tags.stage, tags.clinic];
    return {
      code: 'TAGS_NOT_ACTIVATED',
      message: `Cost Explorer cannot attribute cost to stages and clinics: activate ${keys.join(
        ' and ',
      )} as cost allocation tags in the Billing console (new keys take up to 24 hours to appear).`,
    };
  }

  async summary(): Promise<CostSummaryResponse> {
    const { info, diagnostics, overview } = await this.#data();
    const w = overview.windows;
    // Without active tags every stage and clinic would show 0: unknown is not zero.
    const attributable = !overview.tagDiagnostics.some(
      d => d.code === 'TAGS_NOT_ACTIVATED',
    );
    const first = overview.firstDay;
    const ranges = first
      ? monthWindows(utcDay(this.#o.clock.now()), overview.lastDay!)
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
    const stages = [...this.#o.settings.stages];
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
      untaggedMonthToDate: w
        ? roundMoney(sumOf(w.mtd, g => g.stage === '' || g.clinic === ''))
        : null,
      diagnostics,
    };
  }

  #checkStage(stage: string) {
    if (!this.#o.settings.stages.includes(stage)) {
      throw new NotFoundError(
        `Unknown stage '${stage}'; stages are ${this.#o.settings.stages.join(
          ', ',
        )}`,
      );
    }
  }

  /** The environment's cost rows, or a 404 when neither cost nor power history knows it. */
  async #environmentRows(
    clinic: string,
    stage: string,
    hasData: boolean,
  ): Promise<DailyRow[]> {
    this.#checkStage(stage);
    if (!isValidClinicId(clinic))
      throw new InputError(`'${clinic}' is not a valid clinic id`);
    const rows = await this.#store.daily({ stage, clinic });
    if (
      rows.length === 0 &&
      hasData &&
      !(await this.#history.knows(clinic, stage))
    ) {
      throw new NotFoundError(
        `No cost data or power history for clinic '${clinic}' in stage '${stage}'`,
      );
    }
    return rows;
  }

  #lookbackSpans(filter: { stage: string; clinic?: string }, nowMs: number) {
    const from = dayStartMs(
      addDays(utcDay(nowMs), -this.#o.settings.lookbackDays),
    );
    return this.#history.spans(filter, from, nowMs);
  }

  #month(
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

  async environment(
    clinic: string,
    stage: string,
  ): Promise<EnvironmentCostResponse> {
    const { info, diagnostics, overview } = await this.#data();
    const rows = await this.#environmentRows(
      clinic,
      stage,
      overview.lastDay !== null,
    );
    const now = this.#o.clock.now();
    const today = utcDay(now);
    const daily = byDay(rows);
    const spans =
      (await this.#lookbackSpans({ stage, clinic }, now.getTime())).get(
        clinic,
      ) ?? [];
    const envDiagnostics = [...diagnostics];
    if (overview.lastDay && rows.length === 0) {
      envDiagnostics.push({
        code: 'NO_COST_DATA',
        message: `Cost Explorer has no cost tagged for clinic '${clinic}' in stage '${stage}' yet.`,
      });
    }
    return {
      clinic,
      stage,
      data: info,
      month: rows.length
        ? this.#month(daily, today, {
            first: overview.firstDay,
            last: overview.lastDay,
          })
        : EMPTY_MONTH,
      daily: rows.map(r => ({
        date: r.day,
        amount: roundMoney(r.amount),
        estimated: r.estimated,
      })),
      forecast: this.#trend(stage, clinic, daily, today),
      savings: this.#savings(daily, spans, now),
      diagnostics: envDiagnostics,
    };
  }

  #trend(
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
  #savings(daily: DayAmount[], spans: PowerSpan[], now: Date): SleepSavings {
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

  async stageForecast(stage: string): Promise<StageForecastResponse> {
    this.#checkStage(stage);
    const { info, diagnostics } = await this.#data();
    const today = utcDay(this.#o.clock.now());
    const daily = byDay(await this.#store.daily({ stage }));
    const stored = await this.#store.forecast(stage);
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
    const trend = this.#trend(stage, null, daily, today);
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

  async projection(body: unknown): Promise<CostProjectionResponse> {
    if (typeof body !== 'object' || body === null) {
      throw new InputError('Body must be { clinic?, stage, schedule }');
    }
    const {
      clinic,
      stage,
      schedule: rawSchedule,
    } = body as Record<string, unknown>;
    if (typeof stage !== 'string') throw new InputError('stage is required');
    if (clinic !== undefined && typeof clinic !== 'string') {
      throw new InputError('clinic must be a string');
    }
    const schedule = parseSchedule(rawSchedule);
    this.#checkStage(stage);
    const { diagnostics, overview } = await this.#data();
    const now = this.#o.clock.now();
    const nowMs = now.getTime();

    const clinics =
      clinic !== undefined ? [clinic] : await this.#store.clinicsOf(stage);
    if (clinic !== undefined)
      await this.#environmentRows(clinic, stage, overview.lastDay !== null);
    const hours = awakeHoursInMonth(schedule, now);
    const spansByClinic = await this.#lookbackSpans(
      clinic !== undefined ? { stage, clinic } : { stage },
      nowMs,
    );
    const rowsByClinic = new Map<string, DailyRow[]>();
    for (const r of clinic !== undefined
      ? await this.#store.daily({ stage, clinic })
      : await this.#store.daily({ stage })) {
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
        if (overview.lastDay) {
          projDiagnostics.push({
            code: 'NO_COST_DATA',
            message: `No cost data for clinic '${c}' in stage '${stage}': it is left out of the projection.`,
          });
        }
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

/** Builds the cost service: the lead's one call in plugin.ts. */
export function createCostService(options: CostServiceOptions): CostService {
  return new CostService(options);
}
