import { promises as fs } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Where the generated repository's parts come from: the installed workspace packages. */
export interface StackSources {
  /** packages/image-review-stack */
  stack: string;
  /** packages/tag-contract: the stack's one runtime workspace dependency. */
  tagContract: string;
  /** packages/local-aws: what the stack's moto-backed tests start local AWS with. */
  localAws: string;
}

export function installedStackSources(): StackSources {
  const root = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));
  return {
    stack: root('@stagelight/image-review-stack'),
    tagContract: root('@stagelight/tag-contract'),
    localAws: root('@internal/stagelight-local-aws'),
  };
}

/**
 * Vendored workspace packages live in `vendor/` and are linked (`link:`), so
 * the stack's `import ... from '@stagelight/tag-contract'` works
 * unchanged without a private registry; re-running the template's copy step
 * refreshes them. Copied source, not published builds, because the workspace
 * packages ship TypeScript (`main: src/index.ts`).
 */
export const VENDOR = {
  tagContract: {
    name: '@stagelight/tag-contract',
    dir: 'vendor/stagelight-tag-contract',
  },
  localAws: {
    name: '@internal/stagelight-local-aws',
    dir: 'vendor/stagelight-local-aws',
  },
} as const;

/** The generated repository uses the same Yarn as the monorepo (the stack's cdk.json runs `yarn tsx`). */
export const GENERATED_PACKAGE_MANAGER = 'yarn@4.13.0';

/** Test tooling the generated repository uses instead of backstage-cli's jest preset. */
const TEST_TOOLING: Record<string, string> = {
  '@swc/core': '^1.16.22',
  '@swc/jest': '^0.2.39',
  '@types/jest': '^30.0.0',
  '@types/node': '^22.0.0',
  jest: '~30.2.0',
  typescript: '~5.8.0',
};

/** Paths (relative, `/`-separated) never copied: build output, installs, monorepo-only files. */
const ALWAYS_SKIPPED = ['node_modules', 'cdk.out', '.bundles', 'dist'];

/** Stack files the generated repository replaces with its own. */
const STACK_REPLACED = [
  // The config action writes the clinic's own.
  'clinic.config.json',
  // Written below: standalone, no workspace dependencies.
  'package.json',
  // The monorepo's lint setup (backstage-cli); the generated repo has none of it.
  '.eslintrc.js',
  // The skeleton has the clinic's README; the stack's goes to docs/.
  'README.md',
  // The skeleton's also ignores node_modules and Yarn's state.
  '.gitignore',
];

interface PackageJson {
  name: string;
  description?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await fs.readFile(join(dir, 'package.json'), 'utf8'));
}

function isTest(path: string): boolean {
  return /\.test\.tsx?$/.test(path);
}

/** Copies a folder tree, skipping what `skip` rejects; returns the relative paths copied. */
async function copyTree(
  from: string,
  to: string,
  skip: (relativePath: string) => boolean,
): Promise<string[]> {
  const copied: string[] = [];
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const rel = relative(from, abs).split(sep).join('/');
      if (skip(rel)) continue;
      if (entry.isDirectory()) {
        await walk(abs);
      } else if (entry.isFile()) {
        await fs.mkdir(dirname(join(to, rel)), { recursive: true });
        await fs.copyFile(abs, join(to, rel));
        copied.push(rel);
      }
    }
  }
  await walk(from);
  return copied;
}

const skipAlways = (rel: string) =>
  ALWAYS_SKIPPED.some(s => rel === s || rel.startsWith(`${s}/`));

/** Rewrites `workspace:` ranges to the vendored links, relative to `fromDir` in the generated repo. */
function unworkspace(
  deps: Record<string, string> | undefined,
  fromDir: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, range] of Object.entries(deps ?? {})) {
    if (!range.startsWith('workspace:')) {
      out[name] = range;
      continue;
    }
    const vendored = Object.values(VENDOR).find(v => v.name === name);
    if (!vendored) {
      throw new Error(
        `The stack depends on workspace package ${name}, which the generator does not vendor`,
      );
    }
    const target = relative(fromDir, vendored.dir).split(sep).join('/') || '.';
    out[name] = `link:${target.startsWith('.') ? target : `./${target}`}`;
  }
  return out;
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
  );
}

export interface GeneratedRepositoryOptions {
  clinic: string;
  displayName: string;
  sources?: StackSources;
}

export interface GeneratedRepositoryResult {
  /** Relative paths written, `/`-separated. */
  files: string[];
}

/**
 * Writes the stack package's code into `targetDir` as a standalone repository:
 * the stack's files unchanged (src/, bin/, docker/, bench/, cdk.json, tests),
 * the two workspace packages it needs vendored under vendor/, and a
 * package.json with the stack's own dependencies, plain-jest test tooling and
 * no `workspace:` ranges. The clinic config, README, catalog entities and the
 * pipeline come from the template's other steps.
 */
export async function writeGeneratedRepository(
  targetDir: string,
  options: GeneratedRepositoryOptions,
): Promise<GeneratedRepositoryResult> {
  const sources = options.sources ?? installedStackSources();
  const files: string[] = [];

  const stackFiles = await copyTree(
    sources.stack,
    targetDir,
    rel => skipAlways(rel) || STACK_REPLACED.includes(rel),
  );
  files.push(...stackFiles);
  await fs.mkdir(join(targetDir, 'docs'), { recursive: true });
  await fs.copyFile(
    join(sources.stack, 'README.md'),
    join(targetDir, 'docs/image-review-stack.md'),
  );
  files.push('docs/image-review-stack.md');

  const stackPkg = await readPackageJson(sources.stack);
  const localAwsPkg = await readPackageJson(sources.localAws);

  for (const [key, vendored] of Object.entries(VENDOR) as [
    keyof typeof VENDOR,
    (typeof VENDOR)[keyof typeof VENDOR],
  ][]) {
    const from = sources[key];
    const pkg = await readPackageJson(from);
    const copied = await copyTree(
      from,
      join(targetDir, vendored.dir),
      rel =>
        skipAlways(rel) ||
        isTest(rel) ||
        rel === 'package.json' ||
        rel === '.eslintrc.js',
    );
    files.push(...copied.map(rel => `${vendored.dir}/${rel}`));
    const vendoredPkg = {
      name: pkg.name,
      description: `${
        pkg.description ?? ''
      } Vendored from the Stagelight monorepo by the new-clinic template; do not edit here.`.trim(),
      version: '0.0.0',
      private: true,
      main: 'src/index.ts',
      types: 'src/index.ts',
      license: 'UNLICENSED',
      dependencies: sorted(unworkspace(pkg.dependencies, vendored.dir)),
    };
    await fs.writeFile(
      join(targetDir, vendored.dir, 'package.json'),
      `${JSON.stringify(vendoredPkg, null, 2)}\n`,
    );
    files.push(`${vendored.dir}/package.json`);
  }

  const { '@backstage/cli': _backstageCli, ...stackDevDeps } =
    stackPkg.devDependencies ?? {};
  // `link:` targets' own dependencies are not installed: hoist local-aws's to the root.
  const localAwsDeps = Object.fromEntries(
    Object.entries(localAwsPkg.dependencies ?? {}).filter(
      ([, range]) => !range.startsWith('workspace:'),
    ),
  );
  const stackScripts = stackPkg.scripts ?? {};
  const generated = {
    name: stackPkg.name,
    description: `The image-review stack of ${options.displayName} (clinic "${options.clinic}"), generated by Stagelight from ${stackPkg.name}.`,
    version: '0.0.0',
    private: true,
    license: 'UNLICENSED',
    packageManager: GENERATED_PACKAGE_MANAGER,
    engines: { node: '22 || 24' },
    main: 'src/index.ts',
    types: 'src/index.ts',
    // Lets the stack find its own root (src/packageRoot.ts resolves the package by name).
    exports: { '.': './src/index.ts', './package.json': './package.json' },
    scripts: {
      test: 'jest',
      synth: stackScripts.synth,
      bundle: stackScripts.bundle,
      api: stackScripts.api,
      bench: stackScripts.bench,
      typecheck: 'tsc --noEmit',
    },
    dependencies: sorted(unworkspace(stackPkg.dependencies, '.')),
    devDependencies: sorted({
      ...localAwsDeps,
      ...unworkspace(stackDevDeps, '.'),
      ...TEST_TOOLING,
    }),
    jest: {
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': ['@swc/jest'] },
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/.bundles/'],
      moduleNameMapper: {
        '^@stagelight/image-review-stack/package\\.json$':
          '<rootDir>/package.json',
      },
    },
  };
  await fs.writeFile(
    join(targetDir, 'package.json'),
    `${JSON.stringify(generated, null, 2)}\n`,
  );
  files.push('package.json');
  return { files: files.sort() };
}
