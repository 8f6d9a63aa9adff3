import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Pool, PoolConfig } from 'pg';
import { ImageStore } from './db/ImageStore';
import { runMigrations } from './db/migrate';
import { createLogger, Logger } from '../logging';
import { createApiRoutes } from './routes';

/** @public */
export interface ApiServerOptions {
  database: PoolConfig;
  deployMarker: string;
  serviceToken: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log?: Logger;
}

/** @public */
export interface RunningApiServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/**
 * Migrates the database, then serves the API.
 *
 * @public
 */
export async function startApiServer(
  options: ApiServerOptions,
): Promise<RunningApiServer> {
  const log = options.log ?? createLogger();
  const pool = new Pool({ max: 10, ...options.database });
  pool.on('error', error =>
    log.error('idle database connection failed', { error }),
  );
  try {
    await runMigrations(pool, log);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const app = createApiRoutes({
    store: new ImageStore(pool),
    deployMarker: options.deployMarker,
    serviceToken: options.serviceToken,
    log,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, host, () => resolve(s));
    s.once('error', reject);
  });
  // Longer than the ALB's idle timeout (60 s), so the ALB never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  log.info('api listening', { host, port, marker: options.deployMarker });
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      await new Promise<void>(resolve => server.close(() => resolve()));
      await pool.end();
    },
  };
}
