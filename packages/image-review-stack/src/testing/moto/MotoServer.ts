import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A moto_server process on loopback: the local AWS every Stagelight test and the
 * dev portal talk to over real HTTP.
 *
 * @public
 */
export interface MotoServer {
  /** e.g. `http://127.0.0.1:4566` */
  readonly endpoint: string;
  /** Whether this handle started the process (and so may stop it). */
  readonly owned: boolean;
  /** Drops every resource in every service. */
  reset(): Promise<void>;
  /** Stops the process if this handle started it. */
  stop(): Promise<void>;
}

/** @public */
export interface StartMotoOptions {
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /** Reuse a moto_server that already answers on the port instead of failing. */
  reuseExisting?: boolean;
  /** The moto_server executable (default: `moto_server` on PATH or $MOTO_SERVER). */
  command?: string;
  /** How long to wait for it to answer. */
  startTimeoutMs?: number;
  /**
   * Run Lambda invocations without Docker (`use_docker: false`). Off by default:
   * in moto 5.2.1 that mode keeps functions where the Tagging API does not see
   * them, and Stagelight discovers everything by tags.
   */
  simpleLambda?: boolean;
  /**
   * Extra environment for the process, e.g. `INITIAL_NO_AUTH_ACTION_COUNT`
   * to make moto check each call against the caller's IAM policies.
   */
  environment?: Record<string, string>;
}

/** @public */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/data.json`, {
      signal: AbortSignal.timeout(2000),
    });
    // data.json fails (500) while an RDS cluster exists, but the server is up.
    return res.status > 0;
  } catch {
    return false;
  }
}

/**
 * Lets moto_server invoke Lambda functions without a Docker engine.
 *
 * @public
 */
export async function useSimpleLambda(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lambda: { use_docker: false } }),
  });
  if (!res.ok) {
    throw new Error(
      `moto_server at ${endpoint} refused its config: ${res.status}`,
    );
  }
}

/** @public */
export async function startMotoServer(
  options: StartMotoOptions = {},
): Promise<MotoServer> {
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const configure = async () => {
    if (options.simpleLambda) await useSimpleLambda(endpoint);
  };
  const reset = async () => {
    const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
    await configure();
  };

  if (await answers(endpoint)) {
    if (!options.reuseExisting) {
      throw new Error(`Something already listens on ${endpoint}`);
    }
    await configure();
    return { endpoint, owned: false, reset, stop: async () => {} };
  }

  const command = options.command ?? process.env.MOTO_SERVER ?? 'moto_server';
  const child: ChildProcess = spawn(
    command,
    ['-H', '127.0.0.1', '-p', String(port)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: false,
      env: { ...process.env, ...options.environment },
    },
  );
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: string | undefined;
  child.on('exit', code => {
    exited = `moto_server exited with code ${code}: ${stderr}`;
  });
  child.on('error', err => {
    exited = `moto_server could not start (${err.message}); install it with: pip install "moto[server]"`;
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await answers(endpoint))) {
    if (exited) throw new Error(exited);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint}: ${stderr}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  await configure();

  return {
    endpoint,
    owned: true,
    reset,
    stop: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null || exited) {
          resolve();
          return;
        }
        // A busy werkzeug server can take its time over SIGTERM; tests and the
        // CLI must not wait on it.
        const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
