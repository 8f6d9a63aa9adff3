import { randomBytes } from 'node:crypto';
import { Client, PoolConfig } from 'pg';

export const POSTGRES_URL_ENV =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

export interface TestDatabase {
  /** Connection settings for the fresh database. */
  config: PoolConfig;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the local PostgreSQL 15 for one test
 * file. Fails (does not skip) when the connection string is missing.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env[POSTGRES_URL_ENV];
  if (!url) {
    throw new Error(
      `${POSTGRES_URL_ENV} is not set: these tests need PostgreSQL 15, e.g. ` +
        `${POSTGRES_URL_ENV}=postgresql://postgres:postgres@127.0.0.1:5432`,
    );
  }
  const name = `ir_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    config: { connectionString: target.toString() },
    drop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
