import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY,
  migrateDatabase,
  RENAMED_MIGRATIONS,
} from './migrateDatabase';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Every migration the package ships, in the order knex runs them. */
const shipped = () =>
  fs
    .readdirSync(MIGRATIONS_DIRECTORY)
    .filter(f => f.endsWith('.js'))
    .sort();

it('runs the migrations in file-name order: status, cost, power, then the later ones', async () => {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase({ getClient: async () => knex });
  const ran = await knex('knex_migrations').orderBy('id').pluck('name');
  expect(ran).toEqual(shipped());
  expect(ran.slice(0, 3)).toEqual(Object.values(RENAMED_MIGRATIONS));
});

it('takes over a database migrated under the old names', async () => {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  // As a portal migrated before the rename left it.
  for (const [from, to] of Object.entries(RENAMED_MIGRATIONS)) {
    await knex('knex_migrations').where({ name: to }).update({ name: from });
  }
  await migrateDatabase({ getClient: async () => knex });
  expect(await knex('knex_migrations').orderBy('id').pluck('name')).toEqual(
    shipped(),
  );
  expect(await knex.schema.hasTable('stagelight_audit')).toBe(true);
});
