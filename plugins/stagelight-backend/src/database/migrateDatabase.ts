import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's migrations, shipped with the package (`migrations/`, run in file-name order). */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@stagelight/backstage-plugin-stagelight-backend',
  'migrations',
);

/** knex's own record of the migrations it ran. */
const MIGRATIONS_TABLE = 'knex_migrations';

/**
 * Names the migrations had before they were named to sort in the order they
 * run. A database migrated under the old names is told the new ones, or knex
 * would refuse it as a corrupt migration directory.
 */
export const RENAMED_MIGRATIONS: Record<string, string> = {
  '20261126_init.js': '20261126100000_status.js',
  '20261126_b_cost.js': '20261126110000_cost.js',
  '20261126_c_power.js': '20261126120000_power.js',
};

async function renameMigrations(knex: Knex) {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return;
  for (const [from, to] of Object.entries(RENAMED_MIGRATIONS)) {
    await knex(MIGRATIONS_TABLE).where({ name: from }).update({ name: to });
  }
}

/** The plugin's database, migrated to the latest schema unless the backend says to skip it. */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await renameMigrations(knex);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  }
  return knex;
}
