import type { PoolConfig } from 'pg';
import {
  ApiServerOptions,
  RunningApiServer,
  startApiServer,
} from '../api/server';
import { createTestDatabase } from './postgres';

/** The API service on a database of its own, for one test file. */
export interface TestApiService extends RunningApiServer {
  /** The fresh database the service migrated and serves from. */
  database: PoolConfig;
}

/**
 * Starts the API service on a free port over a fresh PostgreSQL database;
 * `close` stops the service and drops the database.
 */
export async function startTestApiService(
  options: Omit<ApiServerOptions, 'database' | 'port'>,
): Promise<TestApiService> {
  const db = await createTestDatabase();
  let api: RunningApiServer;
  try {
    api = await startApiServer({ ...options, database: db.config, port: 0 });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    url: api.url,
    database: db.config,
    close: async () => {
      await api.close();
      await db.drop();
    },
  };
}
