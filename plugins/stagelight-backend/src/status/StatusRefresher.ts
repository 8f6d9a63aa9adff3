import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import { Clock } from '../clock/Clock';
import { StatusCollector } from './StatusCollector';

/** Told of every snapshot a refresh stores, e.g. cost's power history. */
export interface SnapshotObserver {
  snapshotStored(
    records: EnvironmentRecord[],
    refreshedAt: Date,
  ): Promise<void>;
}

export interface RefreshSummary {
  environments: number;
  withErrors: number;
  durationMs: number;
}

/** One refresh: read AWS once, replace the stored snapshot. Run by the scheduler, never by a page view. */
export class StatusRefresher {
  constructor(
    private readonly deps: {
      collector: StatusCollector;
      store: EnvironmentStore;
      clock: Clock;
      logger: LoggerService;
      observers?: SnapshotObserver[];
    },
  ) {}

  async refresh(): Promise<RefreshSummary> {
    const { collector, store, clock, logger } = this.deps;
    const started = clock.now();
    const previous = (await store.snapshot())?.records ?? [];
    const { records } = await collector.collect(previous);
    const durationMs = clock.now().getTime() - started.getTime();
    const refreshedAt = clock.now();
    await store.replace(records, {
      refreshedAt: refreshedAt.toISOString(),
      durationMs,
      startedAt: started.toISOString(),
    });
    const withErrors = records.filter(r => r.errors.length > 0).length;
    logger.info(
      `Stagelight refreshed ${records.length} environments in ${durationMs} ms (${withErrors} with errors)`,
    );
    // As stored: it keeps environments re-read after an operation meanwhile.
    const stored = this.deps.observers?.length
      ? await store.snapshot()
      : undefined;
    for (const observer of stored ? this.deps.observers! : []) {
      try {
        await observer.snapshotStored(
          stored!.records,
          new Date(stored!.refreshedAt),
        );
      } catch (error) {
        // The snapshot is stored; an observer that failed catches up next time.
        logger.warn(`Stagelight snapshot observer failed: ${error}`);
      }
    }
    return { environments: records.length, withErrors, durationMs };
  }
}
