import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../../..');
const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts the portal's backend as production starts it: NODE_ENV=production,
 * `--config app-config.yaml --config app-config.production.yaml`, on
 * PostgreSQL, with only the environment variables that config asks for.
 */
async function startProductionBackend(nodeEnv: string) {
  const port = await freePort();
  const pg = new URL(PG!);
  const override = join(
    mkdtempSync(join(tmpdir(), 'stagelight-prod-')),
    'test.yaml',
  );
  writeFileSync(
    override,
    `backend:\n  listen: ':${port}'\n  database:\n    prefix: stagelight_production_test_\n`,
  );
  const token = randomBytes(16).toString('hex');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/backend/src/index.ts',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
      '--config',
      override,
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: nodeEnv,
        APP_BASE_URL: `http://localhost:${port}`,
        BACKEND_SECRET: randomBytes(24).toString('hex'),
        STAGELIGHT_PIPELINE_TOKEN: token,
        POSTGRES_HOST: pg.hostname,
        POSTGRES_PORT: pg.port || '5432',
        POSTGRES_USER: decodeURIComponent(pg.username),
        POSTGRES_PASSWORD: decodeURIComponent(pg.password),
        STAGELIGHT_NONPROD_ACCOUNT_ID: '111111111111',
        STAGELIGHT_PROD_ACCOUNT_ID: '222222222222',
        GITHUB_TOKEN: 'unused',
        GITHUB_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited:\n${output.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return { child, base, token };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const describeWithPostgres = PG || process.env.CI ? describe : describe.skip;

describeWithPostgres('error bodies of the portal backend', () => {
  it('runs on PostgreSQL in CI', () => {
    expect(PG).toBeDefined();
  });

  it.each([
    ['production', false],
    // The same requests in development carry stacks: the check can fail.
    ['development', true],
  ])('in %s mode carry name and message%s', async (nodeEnv, stacks) => {
    const { child, base, token } = await startProductionBackend(nodeEnv);
    try {
      const auth = { Authorization: `Bearer ${token}` };
      const answers = await Promise.all([
        fetch(`${base}/api/stagelight/environments/alder/qa`, {
          headers: auth,
        }),
        fetch(`${base}/api/stagelight/environments?stage=NOT+A+STAGE`, {
          headers: auth,
        }),
        fetch(`${base}/api/stagelight/environments/alder/dev/sleep`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: '{"reason": ',
        }),
        fetch(`${base}/api/stagelight/clinics`),
      ]);
      expect(answers.map(a => a.status)).toEqual([404, 400, 400, 401]);
      for (const answer of answers) {
        const text = await answer.text();
        const body = JSON.parse(text);
        expect(body.error).toEqual(
          expect.objectContaining({
            name: expect.any(String),
            message: expect.any(String),
          }),
        );
        if (stacks) {
          expect(body.error.stack).toEqual(expect.any(String));
        } else {
          expect(body.error.stack).toBeUndefined();
          expect(text).not.toContain(ROOT);
          expect(text).not.toMatch(/\.(ts|js):\d+/);
        }
      }
    } finally {
      await stop(child);
    }
  });
});
