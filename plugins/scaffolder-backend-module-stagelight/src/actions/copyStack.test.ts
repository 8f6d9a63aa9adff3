import { existsSync } from 'node:fs';
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import {
  installedStackSources,
  StackSources,
  stackTemplateEntries,
} from '../stack/generatedRepository';
import { createCopyStackAction } from './copyStack';

const sources = installedStackSources();
const tagContractFolder = dirname(
  require.resolve('@stagelight/tag-contract/package.json'),
);

const readJson = async (path: string) =>
  JSON.parse(await readFile(path, 'utf8'));

async function copy(stackSources?: StackSources) {
  const workspacePath = await mkdtemp(join(tmpdir(), 'stack-'));
  const { ctx, outputs } = actionContext({
    input: { clinic: 'lakeside', displayName: 'Lakeside Imaging' },
    workspacePath,
    isDryRun: true,
  });
  await createCopyStackAction({ sources: stackSources }).handler(ctx);
  return { workspacePath, outputs };
}

/** Every file under `dir`, relative and sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/**
 * Lays the stack package out as installing its tarball from a registry
 * would, in `<root>/node_modules/@stagelight/image-review-stack`: only what
 * `files` lists plus what every tarball carries, and the package.json as
 * packing writes it (publishConfig's entry points, `workspace:` ranges
 * replaced by the dependency's version). No node_modules of its own and no
 * monorepo beside it. (`yarn pack` itself runs the package's prepack, which
 * rewrites the workspace's package.json in place; a test must not.)
 */
async function unpackedTarball(root: string): Promise<string> {
  const to = join(root, 'node_modules/@stagelight/image-review-stack');
  await mkdir(to, { recursive: true });
  const pkg = await readJson(join(sources.stack, 'package.json'));
  for (const entry of [...pkg.files, 'README.md', 'LICENSE']) {
    const from = join(sources.stack, entry);
    if (!existsSync(from)) continue;
    await cp(from, join(to, entry), { recursive: true });
  }
  const tagContract = await readJson(join(tagContractFolder, 'package.json'));
  const packed = (deps: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(deps).map(([name, range]) => {
        if (!range.startsWith('workspace:')) return [name, range];
        if (name !== tagContract.name) {
          throw new Error(`This test packs only ${tagContract.name}: ${name}`);
        }
        return [name, `^${tagContract.version}`];
      }),
    );
  const { publishConfig, ...rest } = pkg;
  await writeFile(
    join(to, 'package.json'),
    JSON.stringify({
      ...rest,
      main: publishConfig?.main ?? rest.main,
      types: publishConfig?.types ?? rest.types,
      dependencies: packed(pkg.dependencies),
      devDependencies: packed(pkg.devDependencies),
    }),
  );
  return to;
}

describe('stagelight:stack:copy', () => {
  let workspacePath: string;
  let outputs: Record<string, unknown>;
  beforeAll(async () => {
    ({ workspacePath, outputs } = await copy());
  });

  it.each([
    'src/config/schema.ts',
    'src/stack/ImageReviewStack.ts',
    'src/stack/ImageReviewStack.test.ts',
    'src/packageRoot.ts',
    'src/testing/moto/MotoServer.ts',
    'bin/app.ts',
    'docker/Dockerfile',
    'cdk.json',
  ])('copies %s from the stack package byte for byte', async path => {
    expect(await readFile(join(workspacePath, path))).toEqual(
      await readFile(join(sources.stack, path)),
    );
  });

  it('leaves out build output, installs, the sample config and monorepo files', async () => {
    for (const path of [
      'node_modules',
      'cdk.out',
      '.bundles',
      'dist',
      'clinic.config.json',
      '.eslintrc.js',
      'README.md',
      'CHANGELOG.md',
      'report.api.md',
      'vendor',
    ]) {
      expect(existsSync(join(workspacePath, path))).toBe(false);
    }
    expect(existsSync(join(workspacePath, 'docs/image-review-stack.md'))).toBe(
      true,
    );
    expect(outputs.fileCount).toBeGreaterThan(50);
    expect(outputs.fileCount).toBe((await listFiles(workspacePath)).length);
  });

  it('writes a standalone package.json: the stack dependencies at published ranges', async () => {
    const text = await readFile(join(workspacePath, 'package.json'), 'utf8');
    expect(text).not.toContain('workspace:');
    expect(text).not.toContain('link:');
    expect(text).not.toContain('@backstage/');
    expect(text).not.toContain('@internal/');
    const pkg = JSON.parse(text);
    const stack = await readJson(join(sources.stack, 'package.json'));
    const tagContract = await readJson(join(tagContractFolder, 'package.json'));
    expect(pkg.name).toBe(stack.name);
    expect(pkg.description).toContain('Lakeside Imaging');
    expect(pkg.description).toContain(`${stack.name}@${stack.version}`);
    expect(pkg.dependencies['aws-cdk-lib']).toBe(
      stack.dependencies['aws-cdk-lib'],
    );
    // From the registry, at the version the portal's stack was built with.
    expect(pkg.dependencies['@stagelight/tag-contract']).toBe(
      `^${tagContract.version}`,
    );
    expect(pkg.devDependencies).toHaveProperty('jest');
    expect(pkg.scripts).toMatchObject({
      test: 'jest',
      synth: stack.scripts.synth,
    });
    expect(pkg.exports['./package.json']).toBe('./package.json');
  });
});

describe('the stack package as a template source', () => {
  it('publishes every top-level part of its folder the copy needs', async () => {
    // What the monorepo folder holds that no clinic repository gets: build
    // output, installs, lint setup, API reports, the package's own metadata.
    const notForClinics = [
      'node_modules',
      'dist',
      'cdk.out',
      '.bundles',
      '.eslintrc.js',
      '.gitignore',
      'package.json',
      // backstage-cli's copy of package.json while a `yarn pack` runs.
      'package.json-prepack',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'clinic.config.json',
    ];
    const published = await stackTemplateEntries(sources.stack);
    const unpublished = (await readdir(sources.stack)).filter(
      entry =>
        !published.includes(entry) &&
        !notForClinics.includes(entry) &&
        !/^report(-.+)?\.api\.md$/.test(entry),
    );
    // A new top-level folder the stack needs goes into package.json "files",
    // or an installed stack package would generate repositories without it.
    expect(unpublished).toEqual([]);
    expect(published).toEqual(
      expect.arrayContaining(['src', 'bin', 'bench', 'docker', 'cdk.json']),
    );
  });

  describe('installed from a registry (the unpacked tarball)', () => {
    let root: string;
    let installed: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'installed-stack-'));
      installed = await unpackedTarball(root);
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('generates the same repository as the workspace folder does', async () => {
      const fromWorkspace = await copy();
      const fromInstalled = await copy({ stack: installed });
      const files = await listFiles(fromInstalled.workspacePath);
      expect(files).toEqual(await listFiles(fromWorkspace.workspacePath));
      for (const path of files) {
        expect([
          path,
          await readFile(join(fromInstalled.workspacePath, path)),
        ]).toEqual([
          path,
          await readFile(join(fromWorkspace.workspacePath, path)),
        ]);
      }
      expect(fromInstalled.outputs.fileCount).toBe(files.length);
    });

    it('refuses a half-installed package, naming what is missing', async () => {
      const broken = await mkdtemp(join(tmpdir(), 'broken-stack-'));
      try {
        await cp(installed, broken, { recursive: true });
        await rm(join(broken, 'docker'), { recursive: true });
        await expect(copy({ stack: broken })).rejects.toThrow(
          `@stagelight/image-review-stack at ${broken} has no "docker", which its package.json "files" lists`,
        );
      } finally {
        await rm(broken, { recursive: true, force: true });
      }
    });
  });

  it('refuses a stack that depends on a private workspace package', async () => {
    // The shape this module had before the moto harness moved into the stack:
    // a generated repository cannot install @internal/stagelight-local-aws.
    const root = await mkdtemp(join(tmpdir(), 'private-dep-'));
    try {
      const localAws = join(__dirname, '../../../../packages/local-aws');
      await mkdir(join(root, 'node_modules/@internal'), { recursive: true });
      await symlink(
        localAws,
        join(root, 'node_modules/@internal/stagelight-local-aws'),
      );
      const stack = join(root, 'stack');
      await mkdir(join(stack, 'src'), { recursive: true });
      await writeFile(join(stack, 'src/index.ts'), 'export {};\n');
      await writeFile(join(stack, 'README.md'), '# stack\n');
      await writeFile(
        join(stack, 'package.json'),
        JSON.stringify({
          name: '@stagelight/image-review-stack',
          version: '0.0.0',
          files: ['src'],
          devDependencies: { '@internal/stagelight-local-aws': 'workspace:^' },
        }),
      );
      await expect(copy({ stack })).rejects.toThrow(
        'The image-review stack depends on @internal/stagelight-local-aws, a private workspace package',
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
