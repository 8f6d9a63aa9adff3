import { Knex } from 'knex';
import { EnvironmentRecord } from './EnvironmentRecord';
import { Clock } from '../clock/Clock';
import { environmentKey } from '../inventory/discoverEnvironments';

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
  /**
   * Stores a full refresh. A record stored after `startedAt` (an environment
   * re-read after a power operation meanwhile) is newer news and is kept.
   */
  replace(
    records: EnvironmentRecord[],
    info: { refreshedAt: string; durationMs: number; startedAt?: string },
  ): Promise<void>;
  /** Stores one re-read environment, unless a newer record of it is stored. */
  replaceOne(record: EnvironmentRecord): Promise<void>;
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
    info: { refreshedAt: string; durationMs: number; startedAt?: string },
  ): Promise<void> {
    const { startedAt, ...head } = info;
    const { generation, stored } = await this.knex.transaction(async tx => {
      const current = await this.#lockHead(tx);
      const next = Number(current?.generation ?? 0) + 1;
      const newer = new Map<string, EnvironmentRecord>();
      if (startedAt) {
        const rows: { record: string }[] = await tx(ENVIRONMENTS)
          .where('refreshed_at', '>', new Date(startedAt))
          .select('record');
        for (const row of rows) {
          const r = JSON.parse(row.record) as EnvironmentRecord;
          newer.set(environmentKey(r.clinic, r.stage), r);
        }
      }
      const merged = records.map(
        r => newer.get(environmentKey(r.clinic, r.stage)) ?? r,
      );
      await tx(ENVIRONMENTS).delete();
      const rows = merged.map((r, position) => ({
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
        refreshed_at: new Date(head.refreshedAt),
        duration_ms: Math.round(head.durationMs),
        environment_count: merged.length,
      };
      await tx(REFRESHES)
        .insert({ id: SNAPSHOT_ID, ...row })
        .onConflict('id')
        .merge(row);
      return { generation: next, stored: merged };
    });
    this.#remember({ generation, records: stored, ...head });
  }

  async replaceOne(record: EnvironmentRecord): Promise<void> {
    const key = { clinic: record.clinic, stage: record.stage };
    const generation = await this.knex.transaction(async tx => {
      const current = await this.#lockHead(tx);
      if (!current) return undefined; // No snapshot yet: the first refresh brings it.
      const row = await tx(ENVIRONMENTS).where(key).first('refreshed_at');
      if (!row || new Date(row.refreshed_at) > new Date(record.refreshedAt)) {
        return undefined; // Gone from the inventory, or newer news is stored.
      }
      await tx(ENVIRONMENTS)
        .where(key)
        .update({
          record: JSON.stringify(record),
          refreshed_at: new Date(record.refreshedAt),
        });
      const next = Number(current.generation) + 1;
      await tx(REFRESHES)
        .where({ id: SNAPSHOT_ID })
        .update({ generation: next });
      return next;
    });
    if (generation === undefined) return;
    const memory = this.#memory?.snapshot;
    if (memory && memory.generation === generation - 1) {
      const id = environmentKey(record.clinic, record.stage);
      this.#remember({
        ...memory,
        generation,
        records: memory.records.map(r =>
          environmentKey(r.clinic, r.stage) === id ? record : r,
        ),
      });
    } else {
      this.#memory = undefined; // Another replica wrote meanwhile: reload on the next read.
    }
  }

  /** The snapshot's head row, locked so that full and one-environment writes take turns. */
  #lockHead(tx: Knex.Transaction) {
    const query = tx(REFRESHES).where({ id: SNAPSHOT_ID });
    // SQLite has one writer at a time anyway (and knex warns on FOR UPDATE there).
    const sqlite = String(this.knex.client.config.client).includes('sqlite');
    return (sqlite ? query : query.forUpdate()).first();
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
