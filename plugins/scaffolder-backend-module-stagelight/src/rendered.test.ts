import { spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleParameters } from './__testUtils__/newClinicTemplate';
import {
  linkDependencies,
  writeDryRunFiles,
} from './__testUtils__/renderedRepository';
import { startScaffolder } from './__testUtils__/scaffolderBackend';

// Runs the generated repository's own tests and a full `cdk synth`: minutes, not seconds.
jest.setTimeout(15 * 60_000);

let dir: string;

beforeAll(async () => {
  // A clinic other than the stack's own sample: the generated repository's
  // tests must hold for whatever clinic it was generated for.
  const scaffolder = await startScaffolder({ catalogEntities: [] });
  try {
    const res = await scaffolder.dryRun(sampleParameters());
    if (res.status !== 200) {
      throw new Error(`dry run failed: ${JSON.stringify(res.body)}`);
    }
    dir = await mkdtemp(join(tmpdir(), 'rendered-clinic-'));
    await writeDryRunFiles(dir, res.body.directoryContents);
  } finally {
    await scaffolder.backend.stop();
  }
  await linkDependencies(dir);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}\n${
        result.stdout
      }\n${result.stderr}`,
    );
  }
  return result;
}

describe('a clinic repository rendered from the template', () => {
  it('passes its own stack, config and cdk-nag tests with plain jest', () => {
    // The database and moto-backed Lambda tests (src/api/server.test.ts,
    // src/lambdas/pipeline.test.ts) need PostgreSQL 15 and run in the
    // generated pipeline; everything else runs here, from the generated repo.
    const result = run(process.execPath, [
      join('node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      '--json',
      '--outputFile=jest-result.json',
      'src/config',
      'src/stack',
      'src/lambdas/ingest',
      'src/lambdas/notify',
    ]);
    const report = JSON.parse(
      readFileSync(join(dir, 'jest-result.json'), 'utf8'),
    );
    expect(report.success).toBe(true);
    const suites = report.testResults.map((r: any) =>
      r.name.slice(dir.length + 1),
    );
    expect(suites).toEqual(
      expect.arrayContaining([
        'src/config/schema.test.ts',
        'src/stack/ImageReviewStack.test.ts',
        'src/stack/deployMarker.test.ts',
      ]),
    );
    expect(report.numPassedTests).toBeGreaterThan(20);
    expect(report.numFailedTests).toBe(0);
    expect(result.status).toBe(0);
  });

  it('type-checks with its own tsconfig', () => {
    const result = run(process.execPath, [
      join('node_modules', 'typescript', 'bin', 'tsc'),
      '--noEmit',
      '-p',
      '.',
    ]);
    expect(result.stdout).toBe('');
  });

  it('synthesizes every stage with `cdk synth` from its own clinic config', () => {
    // cdk.json's app is `yarn tsx bin/app.ts`; this repository is not
    // Yarn-installed, so the same command runs without the yarn wrapper.
    run(
      join('node_modules', '.bin', 'cdk'),
      [
        'synth',
        '--quiet',
        '--app',
        `${join('node_modules', '.bin', 'tsx')} bin/app.ts`,
      ],
      { DEPLOY_MARKER: 'abc123-1' },
    );
    const templates = readdirSync(join(dir, 'cdk.out')).filter(f =>
      f.endsWith('.template.json'),
    );
    expect(templates.sort()).toEqual([
      'ir-lakeside-dev.template.json',
      'ir-lakeside-prod.template.json',
      'ir-lakeside-staging.template.json',
      'ir-lakeside-test.template.json',
    ]);
    const prod = readFileSync(
      join(dir, 'cdk.out', 'ir-lakeside-prod.template.json'),
      'utf8',
    );
    expect(prod).toContain('ir-lakeside-prod-ingest');
    expect(prod).toContain('abc123-1');
    const manifest = JSON.parse(
      readFileSync(join(dir, 'cdk.out', 'manifest.json'), 'utf8'),
    );
    expect(manifest.artifacts['ir-lakeside-staging'].environment).toBe(
      'aws://222222222222/eu-west-1',
    );
    // The stack read the generated config (no other clinic's stacks).
    expect(existsSync(join(dir, 'clinic.config.json'))).toBe(true);
  });

  it("tells the pipeline each branch's stage and where it runs", () => {
    const target = run('node', ['.github/scripts/stage.mjs', 'target', 'main']);
    expect(target.stdout.trim().split('\n')).toEqual([
      'clinic=lakeside',
      'stage=prod',
      'account=333333333333',
      'region=eu-west-1',
      'stack=ir-lakeside-prod',
      'role=arn:aws:iam::333333333333:role/ir-lakeside-deploy',
      'repository=ir-lakeside/api',
    ]);
    expect(
      run('node', ['.github/scripts/stage.mjs', 'next', 'dev']).stdout,
    ).toBe('branch=test\n');
    expect(
      run('node', ['.github/scripts/stage.mjs', 'next', 'staging']).stdout,
    ).toBe('branch=main\n');
    expect(
      run('node', ['.github/scripts/stage.mjs', 'next', 'main']).stdout,
    ).toBe('branch=\n');
    const unknown = spawnSync(
      'node',
      ['.github/scripts/stage.mjs', 'target', 'feature-x'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'stage branches: dev, test, staging, main',
    );
  });

  describe('the readiness wait', () => {
    let server: Server;
    let url: string;
    const seen: { path: string; auth?: string }[] = [];
    beforeAll(async () => {
      // Stands in for the portal's GET /api/stagelight/environments/:clinic/:stage/readiness.
      server = createServer((req, res) => {
        seen.push({ path: req.url ?? '', auth: req.headers.authorization });
        const u = new URL(req.url ?? '', 'http://x');
        const stage = u.pathname.split('/')[5];
        const outcome = stage === 'dev' ? 'asleep' : 'ready';
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            outcome,
            clinic: 'lakeside',
            stage,
            marker: u.searchParams.get('marker'),
            servedMarker:
              outcome === 'ready' ? u.searchParams.get('marker') : null,
            waitedMs: 1200,
            probes: 3,
          }),
        );
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>(r => server.close(() => r())));

    // Asynchronous: the stub portal answers from this process's event loop.
    const wait = (stage: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>(
        resolve => {
          const child = spawn(
            'bash',
            [
              '.github/scripts/wait-for-readiness.sh',
              'lakeside',
              stage,
              'abc123-1',
            ],
            {
              cwd: dir,
              env: {
                ...process.env,
                STAGELIGHT_URL: `${url}/`,
                STAGELIGHT_TOKEN: 'ci-token',
                WAIT_SECONDS: '120',
              },
            },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', d => (stdout += d));
          child.stderr.on('data', d => (stderr += d));
          child.on('close', status => resolve({ status, stdout, stderr }));
        },
      );

    it('succeeds once the portal says the marker is served, asking with the static token', async () => {
      const result = await wait('staging');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('lakeside/staging serves abc123-1');
      expect(seen.at(-1)).toEqual({
        path: '/api/stagelight/environments/lakeside/staging/readiness?marker=abc123-1&timeoutSeconds=120',
        auth: 'Bearer ci-token',
      });
    });

    it('fails at once, saying what to do, when the stage is asleep', async () => {
      const result = await wait('dev');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'lakeside/dev is asleep: wake it in Stagelight',
      );
    });
  });
});
