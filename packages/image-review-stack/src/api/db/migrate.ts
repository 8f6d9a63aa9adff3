import type { Pool } from 'pg';
import type { Logger } from '../../logging';
import { MIGRATIONS, Migration } from './migrations';

/** Arbitrary constant: the advisory lock that serialises migrations across tasks starting together. */
const MIGRATION_LOCK_ID = 7_420_001;

/**
 * Applies pending migrations, each in its own transaction. Several API tasks
 * start at once after a deploy or a wake; the advisory lock lets one migrate
 * while the others wait and then find nothing left to do.
 */
export async function runMigrations(
  pool: Pool,
  log: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        id text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM schema_migrations',
    );
    const done = new Set(rows.map(r => r.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [
          migration.id,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(
          `migration ${migration.id} failed: ${(error as Error).message}`,
        );
      }
      applied.push(migration.id);
      log.info('migration applied', { migration: migration.id });
    }
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
      .catch(() => {});
    client.release();
  }
  return applied;
}
