import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentStore } from '../inventory/EnvironmentStore';
import { Clock } from './Clock';
import { StatusCollector } from './StatusCollector';

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
    },
  ) {}

  async refresh(): Promise<RefreshSummary> {
    const { collector, store, clock, logger } = this.deps;
    const started = clock.now();
    const previous = (await store.snapshot())?.records ?? [];
    const { records } = await collector.collect(previous);
    const durationMs = clock.now().getTime() - started.getTime();
    await store.replace(records, {
      refreshedAt: clock.now().toISOString(),
      durationMs,
      startedAt: started.toISOString(),
    });
    const withErrors = records.filter(r => r.errors.length > 0).length;
    logger.info(
      `Stagelight refreshed ${records.length} environments in ${durationMs} ms (${withErrors} with errors)`,
    );
    return { environments: records.length, withErrors, durationMs };
  }
}
