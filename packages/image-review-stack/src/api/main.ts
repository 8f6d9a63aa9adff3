import { readFileSync } from 'node:fs';
import { createLogger, LogLevel } from '../logging';
import { startApiServer } from './server';

/**
 * Container entry point. nginx listens on 8080 and proxies to this process on
 * 127.0.0.1:3000. Every setting comes from the task definition's environment.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

async function main() {
  const log = createLogger({
    level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
    fields: { service: 'image-review-api' },
  });
  const caFile = process.env.DB_SSL_CA_FILE;
  const server = await startApiServer({
    deployMarker: required('DEPLOY_MARKER'),
    serviceToken: required('SERVICE_TOKEN'),
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    database: {
      host: required('DB_HOST'),
      port: Number(process.env.DB_PORT ?? 5432),
      database: required('DB_NAME'),
      user: required('DB_USER'),
      password: required('DB_PASSWORD'),
      // The cluster forces TLS; verify the server against the RDS CA bundle baked into the image.
      ssl: caFile
        ? { ca: readFileSync(caFile, 'utf8'), rejectUnauthorized: true }
        : undefined,
    },
    log,
  });
  const shutdown = (signal: string) => {
    log.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch(error => {
  process.stderr.write(
    `${JSON.stringify({
      level: 'error',
      msg: 'api failed to start',
      error: String(error),
    })}\n`,
  );
  process.exit(1);
});
