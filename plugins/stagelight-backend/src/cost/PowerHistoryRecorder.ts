import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';
import type { SnapshotObserver } from '../status/StatusRefresher';
import { PowerHistory } from './PowerHistory';

/**
 * Records the fleet's power states after each status refresh: the history
 * that savings and run rates are measured from.
 */
export class PowerHistoryRecorder implements SnapshotObserver {
  constructor(private readonly history: PowerHistory) {}

  async snapshotStored(
    records: EnvironmentRecord[],
    refreshedAt: Date,
  ): Promise<void> {
    await this.history.record(
      records.map(r => ({ clinic: r.clinic, stage: r.stage, power: r.power })),
      refreshedAt,
    );
  }
}
