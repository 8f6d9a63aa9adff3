import { TestDatabases } from '@backstage/backend-test-utils';

/** The databases a store test runs on: PostgreSQL 15 (as in production) and SQLite. */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}

/** True when CI runs without PostgreSQL, which would silently drop that half of the runs. */
export function postgresMissingInCi(databases: TestDatabases): boolean {
  const supported = databases.eachSupportedId().map(([id]) => id);
  return Boolean(process.env.CI) && !supported.includes('POSTGRES_15');
}
