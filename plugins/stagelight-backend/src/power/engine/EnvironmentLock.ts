import { Knex } from 'knex';

const LOCKS = 'stagelight_power_locks';

export interface LockHolder {
  owner: string;
  operationId: string;
  expiresAt: Date;
}

/**
 * One row per environment in the plugin database: whoever holds the row may
 * change the environment. Taken with an insert that ignores conflicts, or a
 * conditional update of an expired row, so replicas agree without a broker.
 * The holder renews `expires_at` while it works; a crashed holder's row expires.
 */
export class EnvironmentLock {
  constructor(private readonly ttlMs: number) {}

  /** Takes the lock for `operationId` inside `tx`; true when `owner` now holds it. */
  async acquire(
    tx: Knex | Knex.Transaction,
    env: { clinic: string; stage: string },
    holder: { owner: string; operationId: string },
    now: Date,
  ): Promise<boolean> {
    const key = { clinic: env.clinic, stage: env.stage };
    const row = {
      ...key,
      owner: holder.owner,
      operation_id: holder.operationId,
      expires_at: new Date(now.getTime() + this.ttlMs),
    };
    await tx(LOCKS).insert(row).onConflict(['clinic', 'stage']).ignore();
    await tx(LOCKS)
      .where(key)
      .andWhere(q =>
        q
          .where('expires_at', '<', now)
          // Only the holder itself re-takes a live lock; others wait for it to expire.
          .orWhere({ owner: holder.owner, operation_id: holder.operationId }),
      )
      .update({
        owner: holder.owner,
        operation_id: holder.operationId,
        expires_at: row.expires_at,
      });
    const current = await tx(LOCKS).where(key).first();
    return (
      current?.owner === holder.owner &&
      current?.operation_id === holder.operationId
    );
  }

  /** Extends the lock; false when another owner took it over (the caller must stop). */
  async renew(
    knex: Knex,
    env: { clinic: string; stage: string },
    holder: { owner: string; operationId: string },
    now: Date,
  ): Promise<boolean> {
    const updated = await knex(LOCKS)
      .where({
        clinic: env.clinic,
        stage: env.stage,
        owner: holder.owner,
        operation_id: holder.operationId,
      })
      .update({ expires_at: new Date(now.getTime() + this.ttlMs) });
    return Number(updated) === 1;
  }

  async release(
    knex: Knex,
    env: { clinic: string; stage: string },
    holder: { owner: string; operationId: string },
  ): Promise<void> {
    await knex(LOCKS)
      .where({
        clinic: env.clinic,
        stage: env.stage,
        owner: holder.owner,
        operation_id: holder.operationId,
      })
      .delete();
  }

  async holder(
    tx: Knex | Knex.Transaction,
    env: { clinic: string; stage: string },
  ): Promise<LockHolder | undefined> {
    const row = await tx(LOCKS)
      .where({ clinic: env.clinic, stage: env.stage })
      .first();
    return row
      ? {
          owner: row.owner,
          operationId: row.operation_id,
          expiresAt: new Date(row.expires_at),
        }
      : undefined;
  }
}
