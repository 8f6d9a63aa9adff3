import { App } from 'aws-cdk-lib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClinicConfig } from '../config/schema';
import { buildApp } from './buildApp';
import type { ImageReviewStack } from './ImageReviewStack';

/** @public */
export interface SynthesizedClinic {
  app: App;
  stacks: ImageReviewStack[];
  /** Cloud assembly folder with one `<stack>.template.json` per stage. */
  outdir: string;
  templatePaths: string[];
}

/**
 * Synthesizes every stage of a clinic in-process (what the tests and the
 * benchmark use; `cdk synth` runs bin/app.ts instead). The cdk-nag packs are
 * not registered here: callers run `pack.validateScope(app)` for a report.
 *
 * @public
 */
export function synthesizeClinic(
  config: ClinicConfig,
  deployMarker: string,
  outdir = mkdtempSync(join(tmpdir(), 'ir-synth-')),
): SynthesizedClinic {
  const app = new App({ outdir });
  const stacks = buildApp(app, {
    config,
    deployMarker,
    nag: false,
    bundleRoot: join(outdir, 'bundles'),
  });
  const assembly = app.synth();
  return {
    app,
    stacks,
    outdir,
    templatePaths: stacks.map(s => join(assembly.directory, s.templateFile)),
  };
}
