import { LoggerService } from '@backstage/backend-plugin-api';
import { PowerOperation } from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentStore } from '../snapshot/EnvironmentStore';
import type { PowerObserver } from '../power/engine/PowerEngine';
import { StatusCollector } from './StatusCollector';

/**
 * Re-reads an environment as soon as a power operation on it ends, so the
 * portal shows it awake (or asleep, or partial) at once instead of at the next
 * scheduled refresh, up to `refresh.interval` later.
 */
export class EnvironmentStatusUpdater implements PowerObserver {
  constructor(
    private readonly deps: {
      collector: Pick<StatusCollector, 'collectEnvironment'>;
      store: EnvironmentStore;
      logger: LoggerService;
    },
  ) {}

  async operationChanged(operation: PowerOperation): Promise<void> {
    if (operation.status !== 'succeeded' && operation.status !== 'failed') {
      return;
    }
    const { collector, store, logger } = this.deps;
    const record = await store.get(operation.clinic, operation.stage);
    if (!record) return;
    try {
      await store.replaceOne(await collector.collectEnvironment(record));
    } catch (error) {
      // The next scheduled refresh catches up.
      logger.warn(
        `Stagelight could not re-read ${operation.clinic}/${operation.stage} after operation ${operation.id}: ${error}`,
      );
    }
  }
}
