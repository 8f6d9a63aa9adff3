/**
 * Prints the figures the issue asks for: the Lambda bundle sizes and the time
 * to synthesize every stage of the sample clinic (with and without the cdk-nag
 * packs). Run with `yarn bench`; figures only, nothing is asserted.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { loadClinicConfig } from '../src/config/loadClinicConfig';
import { bundleApi, bundleLambda, LAMBDA_NAMES } from '../src/lambdas/bundle';
import { synthesizeClinic } from '../src/stack/synthesizeClinic';
import { PACKAGE_ROOT } from '../src/packageRoot';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = mkdtempSync(join(tmpdir(), 'ir-bench-'));

function gzippedBytes(dir: string): number {
  return readdirSync(dir).reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length,
    0,
  );
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

try {
  console.log('bundle\tbytes\tgzip bytes\tbundle ms');
  for (const make of [
    ...LAMBDA_NAMES.map(n => () => bundleLambda(n, root)),
    () => bundleApi(root),
  ]) {
    const t = process.hrtime.bigint();
    const bundle = make();
    console.log(
      `${bundle.name}\t${bundle.bytes}\t${gzippedBytes(bundle.dir)}\t${ms(
        t,
      ).toFixed(0)}`,
    );
  }

  const config = loadClinicConfig();
  const synth: number[] = [];
  const nag: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const clinic = synthesizeClinic(config, `bench-${i}`);
    synth.push(ms(t));
    const n = process.hrtime.bigint();
    for (const pack of [
      new AwsSolutionsChecks(clinic.app),
      new HIPAASecurityChecks(clinic.app),
    ]) {
      const report = pack.validateScope(clinic.app);
      if (!report.success) throw new Error(`${pack.name} reported violations`);
    }
    nag.push(ms(n));
    rmSync(clinic.outdir, { recursive: true, force: true });
  }
  console.log(
    `\nsynth of ${config.stages.length} stages (${config.stages
      .map(s => s.name)
      .join(', ')}), ${RUNS} runs:`,
  );
  console.log(
    `  synth ms: median ${median(synth).toFixed(0)}, first ${synth[0].toFixed(
      0,
    )}, min ${Math.min(...synth).toFixed(0)}, max ${Math.max(...synth).toFixed(
      0,
    )}`,
  );
  console.log(
    `  cdk-nag (AwsSolutions + HIPAA) ms: median ${median(nag).toFixed(0)}`,
  );

  // What a developer or the pipeline waits for: the CLI, a fresh Node process, nag included.
  const out = join(root, 'cdk.out');
  const t = process.hrtime.bigint();
  const cli = spawnSync(
    'yarn',
    ['cdk', 'synth', '--quiet', '--output', out, '-c', 'deployMarker=bench'],
    {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
    },
  );
  if (cli.status !== 0) throw new Error(`cdk synth failed: ${cli.stderr}`);
  console.log(
    `  \`cdk synth\` (CLI, all stages, cdk-nag on) ms: ${ms(t).toFixed(0)}`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
