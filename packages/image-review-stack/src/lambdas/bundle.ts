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
 * Bundles one entry point into `<root>/<name>` with the local esbuild (never
 * Docker): minified CommonJS for Node, without what the runtime provides.
 */
function bundleEntry(options: {
  name: BundleName;
  root: string;
  entryPoint: string;
  outfile: string;
  target: string;
  external: string[];
}): LambdaBundle {
  const dir = join(options.root, options.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buildSync({
    entryPoints: [join(PACKAGE_ROOT, options.entryPoint)],
    outfile: join(dir, options.outfile),
    bundle: true,
    platform: 'node',
    target: options.target,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: options.external,
    logLevel: 'silent',
  });
  const bytes = readdirSync(dir).reduce(
    (sum, f) => sum + statSync(join(dir, f)).size,
    0,
  );
  return { name: options.name, dir, bytes };
}

/**
 * Bundles a Lambda. The Node.js 24 runtime ships the AWS SDK v3, so
 * `@aws-sdk/*` stays out of the bundle and it stays small.
 */
export function bundleLambda(
  name: LambdaName,
  root = DEFAULT_BUNDLE_ROOT,
): LambdaBundle {
  return bundleEntry({
    name,
    root,
    entryPoint: join('src/lambdas', name, 'index.ts'),
    outfile: 'index.js',
    target: 'node24',
    external: ['@aws-sdk/*'],
  });
}

/**
 * Bundles the API service into one file for its container image (see
 * docker/Dockerfile): the pipeline runs this, then builds the image from the
 * package folder. pg's optional native binding is left out.
 */
export function bundleApi(root = DEFAULT_BUNDLE_ROOT): LambdaBundle {
  return bundleEntry({
    name: 'api',
    root,
    entryPoint: 'src/api/main.ts',
    outfile: 'main.js',
    target: 'node22',
    external: ['pg-native'],
  });
}
