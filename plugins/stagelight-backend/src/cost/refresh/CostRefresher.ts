import { LoggerService } from '@backstage/backend-plugin-api';
import { Clock } from '../../clock/Clock';
import { addDays, Day, dayStartMs, nextMonthStart, utcDay } from '../calendar';
import {
  CostBudgetExhaustedError,
  CostExplorerAdapter,
  CostRow,
} from '../CostExplorerAdapter';
import { CostSettings } from '../CostSettings';
import { CostStore, TagActivation } from '../CostStore';
import { forecastFailureText } from '../forecastFailure';
import { PowerHistory } from '../PowerHistory';

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

/**
 * The only caller of Cost Explorer, on a fixed daily request budget: reads
 * the daily cost when the stored data is older than its TTL (one replica at a
 * time), each stage's forecast, and the tag activation when the data hints at
 * it; prunes the power history past the look-back.
 */
export class CostRefresher {
  #refreshing?: Promise<RefreshOutcome>;

  constructor(
    private readonly deps: {
      store: CostStore;
      history: PowerHistory;
      adapter: CostExplorerAdapter;
      settings: CostSettings;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  /** Reads Cost Explorer when the stored data is older than its TTL, within the budget. */
  refreshIfStale(): Promise<RefreshOutcome> {
    // Concurrent callers in one replica share one refresh.
    this.#refreshing ??= this.#refreshIfStale().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refreshIfStale(): Promise<RefreshOutcome> {
    const { store, history, adapter, settings, clock, logger } = this.deps;
    const nowMs = clock.now().getTime();
    const state = await store.state();
    if (state?.refreshedAtMs && nowMs - state.refreshedAtMs < settings.ttlMs) {
      return 'fresh';
    }
    const lastFailed =
      state?.attemptedAtMs && (state.refreshedAtMs ?? 0) < state.attemptedAtMs;
    if (lastFailed && nowMs - state!.attemptedAtMs! < settings.retryAfterMs) {
      return 'retry-later';
    }
    if (!(await store.claimRefresh(nowMs, CLAIM_MS))) return 'in-progress';

    const today = utcDay(nowMs);
    try {
      // A refresh the rest of today's budget cannot finish would spend it for nothing.
      const left =
        settings.dailyRequestBudget - (await store.requestsOn(today));
      if (state?.pages && left < state.pages) {
        throw new CostBudgetExhaustedError(settings.dailyRequestBudget);
      }
      // Cost Explorer's End is exclusive: whole days up to yesterday.
      const { rows, pages } = await adapter.dailyCost(
        addDays(today, -settings.lookbackDays),
        today,
      );
      const tagStatus = await this.#tagStatusIfSuspicious(rows);
      await store.saveResults(rows, { nowMs, pages, tagStatus });
      logger.info(
        `Stagelight read ${rows.length} cost rows from Cost Explorer in ${pages} page(s)`,
      );
      await this.#refreshForecasts(rows, today, nowMs);
      await history.prune(
        dayStartMs(
          addDays(today, -(settings.lookbackDays + HISTORY_MARGIN_DAYS)),
        ),
      );
      return 'refreshed';
    } catch (error) {
      const budget = error instanceof CostBudgetExhaustedError;
      const message = `${(error as Error).name}: ${(error as Error).message}`;
      await store.saveFailure(message);
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
    const { tags } = this.deps.settings;
    try {
      return await this.deps.adapter.tagStatus([tags.stage, tags.clinic]);
    } catch (error) {
      // moto and some partitions lack ListCostAllocationTags; the data itself still tells.
      this.deps.logger.debug(
        `ListCostAllocationTags failed: ${(error as Error).message}`,
      );
      return null;
    }
  }

  async #refreshForecasts(rows: CostRow[], today: Day, nowMs: number) {
    const { store, adapter, settings } = this.deps;
    const stages = new Set(rows.filter(r => r.stage !== '').map(r => r.stage));
    const end = nextMonthStart(today);
    for (const stage of settings.stages.filter(s => stages.has(s))) {
      const previous = await store.forecast(stage);
      if (previous?.error && nowMs - previous.fetchedAtMs < FORECAST_RETRY_MS)
        continue;
      try {
        const amount = await adapter.stageForecast(stage, today, end);
        await store.saveForecast({
          stage,
          fetchedAtMs: nowMs,
          start: today,
          end,
          amount,
          error: null,
        });
      } catch (error) {
        if (error instanceof CostBudgetExhaustedError) return;
        await store.saveForecast({
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
}
