import { Knex } from 'knex';
import { EnvironmentRecord } from '../status/EnvironmentRecord';
import { Clock } from '../status/Clock';
import { environmentKey } from './discoverEnvironments';

const ENVIRONMENTS = 'stagelight_environments';
const REFRESHES = 'stagelight_refreshes';
const SNAPSHOT_ID = 'status';
const INSERT_CHUNK = 100;

/** The latest snapshot as this replica holds it. */
export interface Snapshot {
  generation: number;
  refreshedAt: string;
  durationMs: number;
  records: EnvironmentRecord[];
}

/** Where environments' last known status lives; page views read only this. */
export interface EnvironmentStore {
  /** The whole snapshot, or undefined before the first refresh finished. */
  snapshot(): Promise<Snapshot | undefined>;
  get(clinic: string, stage: string): Promise<EnvironmentRecord | undefined>;
  replace(
    records: EnvironmentRecord[],
    info: { refreshedAt: string; durationMs: number },
  ): Promise<void>;
}

/**
 * The snapshot in the plugin database with an in-memory copy per replica. The
 * copy is served for `memoryTtlMs`, then one cheap query checks whether another
 * replica wrote a newer generation.
 */
export class DatabaseEnvironmentStore implements EnvironmentStore {
  #memory?: {
    snapshot: Snapshot;
    index: Map<string, EnvironmentRecord>;
    checkedAt: number;
  };
  #loading?: Promise<void>;

  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
    private readonly memoryTtlMs: number,
  ) {}

  async snapshot(): Promise<Snapshot | undefined> {
    await this.#fresh();
    return this.#memory?.snapshot;
  }

  async get(
    clinic: string,
    stage: string,
  ): Promise<EnvironmentRecord | undefined> {
    await this.#fresh();
    return this.#memory?.index.get(environmentKey(clinic, stage));
  }

  async replace(
    records: EnvironmentRecord[],
    info: { refreshedAt: string; durationMs: number },
  ): Promise<void> {
    const generation = await this.knex.transaction(async tx => {
      const current = await tx(REFRESHES).where({ id: SNAPSHOT_ID }).first();
      const next = Number(current?.generation ?? 0) + 1;
      await tx(ENVIRONMENTS).delete();
      const rows = records.map((r, position) => ({
        clinic: r.clinic,
        position,
        stage: r.stage,
        record: JSON.stringify(r),
        refreshed_at: new Date(r.refreshedAt),
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx(ENVIRONMENTS).insert(rows.slice(i, i + INSERT_CHUNK));
      }
      const row = {
        generation: next,
        refreshed_at: new Date(info.refreshedAt),
        duration_ms: Math.round(info.durationMs),
        environment_count: records.length,
      };
      await tx(REFRESHES)
        .insert({ id: SNAPSHOT_ID, ...row })
        .onConflict('id')
        .merge(row);
      return next;
    });
    this.#remember({ generation, records, ...info });
  }

  #remember(snapshot: Snapshot) {
    this.#memory = {
      snapshot,
      index: new Map(
        snapshot.records.map(r => [environmentKey(r.clinic, r.stage), r]),
      ),
      checkedAt: this.clock.now().getTime(),
    };
  }

  async #fresh(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.#memory && now - this.#memory.checkedAt < this.memoryTtlMs) return;
    // Concurrent readers share one reload.
    this.#loading ??= this.#reload().finally(() => {
      this.#loading = undefined;
    });
    await this.#loading;
  }

  async #reload(): Promise<void> {
    const head = await this.knex(REFRESHES).where({ id: SNAPSHOT_ID }).first();
    if (!head) return;
    const generation = Number(head.generation);
    if (this.#memory && this.#memory.snapshot.generation === generation) {
      this.#memory.checkedAt = this.clock.now().getTime();
      return;
    }
    const rows: { record: string }[] = await this.knex(ENVIRONMENTS)
      .select('record')
      .orderBy('position');
    this.#remember({
      generation,
      refreshedAt: new Date(head.refreshed_at).toISOString(),
      durationMs: Number(head.duration_ms),
      records: rows.map(r => JSON.parse(r.record) as EnvironmentRecord),
    });
  }
}
