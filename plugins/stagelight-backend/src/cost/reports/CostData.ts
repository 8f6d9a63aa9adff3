import { InputError, NotFoundError } from '@backstage/errors';
import {
  CostDataInfo,
  CostDiagnostic,
} from '@stagelight/backstage-plugin-stagelight-common';
import { isValidClinicId } from '@stagelight/tag-contract';
import { Clock } from '../../clock/Clock';
import { requireKnownStage } from '../../snapshot/EnvironmentLookup';
import {
  addDays,
  ComparisonWindow,
  Day,
  dayStartMs,
  MonthWindows,
  monthWindows,
  utcDay,
} from '../calendar';
import { CostSettings } from '../CostSettings';
import { CostStore, DailyRow, GroupAmount } from '../CostStore';
import { PowerHistory } from '../PowerHistory';
import { CostRefresher } from '../refresh/CostRefresher';
import { isUntagged, sumOf } from './amounts';
import {
  noCostData,
  refreshFailed,
  staleData,
  tagsNotActivated,
  untaggedCost,
} from './costDiagnostics';

/** What every read of one data generation shares; recomputed when the data or the day changes. */
export interface Overview {
  key: string;
  lastDay: Day | null;
  firstDay: Day | null;
  /** The comparison windows as of today; null without data. */
  periods: MonthWindows | null;
  /** Each window's sums by stage and clinic; null without data. */
  windows: Record<ComparisonWindow, GroupAmount[]> | null;
  tagDiagnostics: CostDiagnostic[];
}

export interface CostDataRead {
  info: CostDataInfo;
  diagnostics: CostDiagnostic[];
  overview: Overview;
}

/**
 * The stored cost data as every report reads it: its age, budget and
 * diagnostics, the month windows of the current generation (cached until the
 * data or the day changes), and an environment's rows and power history.
 * Never calls AWS itself: when nothing was ever stored it asks the refresher.
 */
export class CostData {
  #overview?: Overview;

  constructor(
    private readonly deps: {
      store: CostStore;
      history: PowerHistory;
      refresher: Pick<CostRefresher, 'refreshIfStale'>;
      settings: CostSettings;
      clock: Clock;
    },
  ) {}

  /** A 404 naming the configured stages unless `stage` is one of them. */
  checkStage(stage: string): void {
    requireKnownStage(stage, this.deps.settings.stages);
  }

  /** Data info and the diagnostics that concern all of it; refreshes only if nothing was ever stored. */
  async read(): Promise<CostDataRead> {
    const { store, settings, clock } = this.deps;
    let state = await store.state();
    if (!state?.refreshedAtMs) {
      await this.deps.refresher.refreshIfStale();
      state = await store.state();
    }
    const now = clock.now();
    const today = utcDay(now);
    const overview = await this.#overviewFor(
      state?.refreshedAtMs ?? null,
      today,
    );
    const diagnostics: CostDiagnostic[] = [];
    if (!overview.lastDay) {
      diagnostics.push(noCostData(settings, Boolean(state?.refreshedAtMs)));
    }
    diagnostics.push(...overview.tagDiagnostics);
    if (state?.error) {
      diagnostics.push(refreshFailed(state.error, settings.dailyRequestBudget));
    }
    const ageMs = state?.refreshedAtMs
      ? now.getTime() - state.refreshedAtMs
      : null;
    if (ageMs !== null && ageMs > 2 * settings.ttlMs) {
      diagnostics.push(staleData(ageMs, settings.ttlMs));
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
        monthToDateDays: overview.periods?.monthToDateDays ?? 0,
        last30Days: overview.periods
          ? {
              start: overview.periods.last30Days[0],
              end: overview.periods.last30Days[1],
            }
          : null,
        currency: state?.currency ?? 'USD',
        budget: {
          usedToday: await store.requestsOn(today),
          dailyLimit: settings.dailyRequestBudget,
        },
      },
      diagnostics,
      overview,
    };
  }

  /** The environment's cost rows, or a 404 when neither cost nor power history knows it. */
  async environmentRows(
    clinic: string,
    stage: string,
    hasData: boolean,
  ): Promise<DailyRow[]> {
    this.checkStage(stage);
    if (!isValidClinicId(clinic))
      throw new InputError(`'${clinic}' is not a valid clinic id`);
    const rows = await this.deps.store.daily({ stage, clinic });
    if (
      rows.length === 0 &&
      hasData &&
      !(await this.deps.history.knows(clinic, stage))
    ) {
      throw new NotFoundError(
        `No cost data or power history for clinic '${clinic}' in stage '${stage}'`,
      );
    }
    return rows;
  }

  /**
   * The stored daily cost of a stage's clinics (or one clinic) on the UTC days
   * [from, to], and the data's currency; never refreshes (a timeline shows
   * what is stored, or nothing).
   */
  async dailyCost(
    filter: { stage: string; clinic?: string },
    from: Day,
    to: Day,
  ): Promise<{ rows: DailyRow[]; currency: string }> {
    const [rows, state] = await Promise.all([
      this.deps.store.daily(filter),
      this.deps.store.state(),
    ]);
    return {
      rows: rows.filter(r => r.day >= from && r.day <= to),
      currency: state?.currency ?? 'USD',
    };
  }

  /** Power spans of a stage (or one environment) over the look-back, by clinic. */
  lookbackSpans(filter: { stage: string; clinic?: string }, nowMs: number) {
    const from = dayStartMs(
      addDays(utcDay(nowMs), -this.deps.settings.lookbackDays),
    );
    return this.deps.history.spans(filter, from, nowMs);
  }

  async #overviewFor(
    refreshedAtMs: number | null,
    today: Day,
  ): Promise<Overview> {
    const key = `${refreshedAtMs}|${today}`;
    if (this.#overview?.key === key) return this.#overview;
    const { store, settings } = this.deps;
    const range = await store.dayRange();
    const state = await store.state();
    const inactive = Object.entries(state?.tagStatus ?? {})
      .filter(([, s]) => s !== 'Active')
      .map(([k]) => k);
    let windows: Overview['windows'] = null;
    const periods = range ? monthWindows(today, range.last) : null;
    const tagDiagnostics: CostDiagnostic[] = [];
    if (range && periods) {
      const [monthToDate, lastMonthToSameDay, lastMonth, last30Days, all] =
        await Promise.all([
          store.sums(...periods.monthToDate),
          store.sums(...periods.lastMonthToSameDay),
          store.sums(...periods.lastMonth),
          store.sums(...periods.last30Days),
          store.sums(range.first, range.last),
        ]);
      windows = { monthToDate, lastMonthToSameDay, lastMonth, last30Days };
      const total = sumOf(all, () => true);
      const untaggedTotal = sumOf(all, isUntagged);
      if ((total > 0 && untaggedTotal >= total) || inactive.length > 0) {
        tagDiagnostics.push(tagsNotActivated(inactive, settings.tags));
      } else if (untaggedTotal > 0) {
        tagDiagnostics.push(untaggedCost(untaggedTotal, settings.lookbackDays));
      }
    } else if (inactive.length > 0) {
      tagDiagnostics.push(tagsNotActivated(inactive, settings.tags));
    }
    this.#overview = {
      key,
      firstDay: range?.first ?? null,
      lastDay: range?.last ?? null,
      periods,
      windows,
      tagDiagnostics,
    };
    return this.#overview;
  }
}
