import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Where the generated repository's code comes from.
 *
 * @public
 */
export interface StackSources {
  /**
   * The `@stagelight/image-review-stack` package folder: as installed from a
   * registry (the unpacked tarball, next to the portal's other node_modules)
   * or the monorepo's workspace folder. Only what its package.json `files`
   * lists is read, so both give the same repository.
   */
  stack: string;
}

/** @public */
export function installedStackSources(): StackSources {
  return {
    stack: dirname(
      require.resolve('@stagelight/image-review-stack/package.json'),
    ),
  };
}

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

/** Paths (relative, `/`-separated) never copied: build output, installs. */
const ALWAYS_SKIPPED = ['node_modules', 'cdk.out', '.bundles', 'dist'];

/** Stack files the generated repository replaces with its own. */
const STACK_REPLACED = [
  // The config action writes the clinic's own.
  'clinic.config.json',
  // Written below: standalone, plain-jest tooling, published version ranges.
  'package.json',
  // The monorepo's lint setup (backstage-cli); the generated repo has none of it.
  '.eslintrc.js',
  // The skeleton has the clinic's README; the stack's goes to docs/.
  'README.md',
  // The skeleton's also ignores node_modules and Yarn's state.
  '.gitignore',
  // The stack package's release notes, not the clinic's.
  'CHANGELOG.md',
  // Goes to docs/, next to the stack's README.
  'LICENSE',
];

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  files?: string[];
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await fs.readFile(join(dir, 'package.json'), 'utf8'));
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

/**
 * The top-level entries of the stack package to copy: its package.json
 * `files`, which is what its published tarball holds. Reading that list, not
 * the folder, makes a copy from the monorepo's workspace folder (which also
 * has API reports and other monorepo-only files) equal to one from an
 * installed package.
 */
export async function stackTemplateEntries(
  stackDir: string,
): Promise<string[]> {
  const pkg = await readPackageJson(stackDir);
  if (!Array.isArray(pkg.files) || pkg.files.length === 0) {
    throw new Error(
      `${pkg.name} at ${stackDir} lists no "files" in its package.json, so it does not say what a clinic repository is copied from; install a version of it that is published as a template source`,
    );
  }
  const entries: string[] = [];
  for (const raw of pkg.files) {
    const entry = raw.replace(/^\.?\//, '').replace(/\/$/, '');
    if (/[*?{}[\]!]/.test(entry) || entry.includes('/')) {
      throw new Error(
        `${pkg.name}'s package.json "files" entry "${raw}" is not a top-level file or folder name; the stack copy reads "files" as plain names`,
      );
    }
    if (skipAlways(entry) || STACK_REPLACED.includes(entry)) continue;
    try {
      await fs.stat(join(stackDir, entry));
    } catch {
      throw new Error(
        `${pkg.name} at ${stackDir} has no "${entry}", which its package.json "files" lists: the package is incompletely installed (reinstall it) or was packed without it`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * The range the generated repository asks the registry for. A range from an
 * installed (published) stack package is already one; a workspace stack
 * says `workspace:…`, which becomes what `yarn pack` would publish: the
 * version of the package the stack resolves, `^` or `~` kept.
 */
function publishedRange(name: string, range: string, stackDir: string): string {
  if (!range.startsWith('workspace:')) return range;
  let dependency: PackageJson;
  try {
    dependency = JSON.parse(
      readFileSync(
        require.resolve(`${name}/package.json`, { paths: [stackDir] }),
        'utf8',
      ),
    );
  } catch (error) {
    throw new Error(
      `The image-review stack at ${stackDir} depends on workspace package ${name} (${range}), which cannot be found from there: ${error}`,
    );
  }
  if (dependency.private) {
    throw new Error(
      `The image-review stack depends on ${name}, a private workspace package: a generated repository could not install it from a registry. Move what the stack needs from it into the stack or a published package`,
    );
  }
  const spec = range.slice('workspace:'.length);
  if (spec === '^' || spec === '~') return `${spec}${dependency.version}`;
  if (spec === '*' || spec === '') return dependency.version;
  return spec;
}

function publishedRanges(
  deps: Record<string, string> | undefined,
  stackDir: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(deps ?? {}).map(([name, range]) => [
      name,
      publishedRange(name, range, stackDir),
    ]),
  );
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * What {@link writeGeneratedRepository} writes the repository for.
 *
 * @public
 */
export interface GeneratedRepositoryOptions {
  clinic: string;
  displayName: string;
  sources?: StackSources;
}

/**
 * What {@link writeGeneratedRepository} wrote.
 *
 * @public
 */
export interface GeneratedRepositoryResult {
  /** Relative paths written, `/`-separated. */
  files: string[];
}

/**
 * Writes the stack package's code into `targetDir` as a standalone repository:
 * the stack's files unchanged (what its package.json `files` lists: src/ with
 * its tests and moto harness, bin/, docker/, bench/, cdk.json) and a
 * package.json with the stack's own dependencies at published version ranges
 * (`@stagelight/tag-contract` from the registry), plain-jest test tooling and
 * no `workspace:` ranges. The clinic config, README, catalog entities and the
 * pipeline come from the template's other steps.
 *
 * @public
 */
export async function writeGeneratedRepository(
  targetDir: string,
  options: GeneratedRepositoryOptions,
): Promise<GeneratedRepositoryResult> {
  const sources = options.sources ?? installedStackSources();
  const files: string[] = [];

  for (const entry of await stackTemplateEntries(sources.stack)) {
    const from = join(sources.stack, entry);
    if ((await fs.stat(from)).isDirectory()) {
      const copied = await copyTree(from, join(targetDir, entry), skipAlways);
      files.push(...copied.map(rel => `${entry}/${rel}`));
    } else {
      await fs.mkdir(targetDir, { recursive: true });
      await fs.copyFile(from, join(targetDir, entry));
      files.push(entry);
    }
  }
  await fs.mkdir(join(targetDir, 'docs'), { recursive: true });
  await fs.copyFile(
    join(sources.stack, 'README.md'),
    join(targetDir, 'docs/image-review-stack.md'),
  );
  files.push('docs/image-review-stack.md');
  // The stack code keeps its licence text with it; the clinic's repository
  // itself is private (package.json says UNLICENSED).
  if (existsSync(join(sources.stack, 'LICENSE'))) {
    await fs.copyFile(
      join(sources.stack, 'LICENSE'),
      join(targetDir, 'docs/image-review-stack.LICENSE'),
    );
    files.push('docs/image-review-stack.LICENSE');
  }

  const stackPkg = await readPackageJson(sources.stack);
  const { '@backstage/cli': _backstageCli, ...stackDevDeps } =
    stackPkg.devDependencies ?? {};
  const stackScripts = stackPkg.scripts ?? {};
  const generated = {
    name: stackPkg.name,
    description: `The image-review stack of ${options.displayName} (clinic "${options.clinic}"), generated by Stagelight from ${stackPkg.name}@${stackPkg.version}.`,
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
    dependencies: sorted(publishedRanges(stackPkg.dependencies, sources.stack)),
    devDependencies: sorted({
      ...publishedRanges(stackDevDeps, sources.stack),
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
