import { buildSync } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot';

export type LambdaName = 'ingest' | 'notify';
export type BundleName = LambdaName | 'api';
export const LAMBDA_NAMES: readonly LambdaName[] = ['ingest', 'notify'];

/** Bundles land here (git-ignored); each Lambda gets its own folder, the asset CDK uploads. */
export const DEFAULT_BUNDLE_ROOT = join(PACKAGE_ROOT, '.bundles');

export interface LambdaBundle {
  name: BundleName;
  /** Folder with `index.js`, handed to `lambda.Code.fromAsset`. */
  dir: string;
  bytes: number;
}

/**
 * Bundles a Lambda with the local esbuild (never Docker). The Node.js 24 runtime
 * ships the AWS SDK v3, so `@aws-sdk/*` stays out of the bundle and it stays small.
 */
export function bundleLambda(
  name: LambdaName,
  root = DEFAULT_BUNDLE_ROOT,
): LambdaBundle {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buildSync({
    entryPoints: [join(PACKAGE_ROOT, 'src/lambdas', name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  const bytes = readdirSync(dir).reduce(
    (sum, f) => sum + statSync(join(dir, f)).size,
    0,
  );
  return { name, dir, bytes };
}

/**
 * Bundles the API service into one file for its container image (see
 * docker/Dockerfile): the pipeline runs this, then builds the image from the
 * package folder. pg's optional native binding is left out.
 */
export function bundleApi(root = DEFAULT_BUNDLE_ROOT): LambdaBundle {
  const dir = join(root, 'api');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buildSync({
    entryPoints: [join(PACKAGE_ROOT, 'src/api/main.ts')],
    outfile: join(dir, 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['pg-native'],
    logLevel: 'silent',
  });
  const bytes = readdirSync(dir).reduce(
    (sum, f) => sum + statSync(join(dir, f)).size,
    0,
  );
  return { name: 'api', dir, bytes };
}
