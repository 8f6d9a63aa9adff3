/*
 * Tests of the tarball check, on tarballs made here with the system tar.
 * Run: node --test scripts/registry/*.test.js
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT } = require('./workspaces');
const { checkTarball, readTarball } = require('./check-tarballs');

const semver = require(require.resolve('semver', { paths: [ROOT] }));

/** Writes files under package/ and packs them as npm does (a gzipped tar). */
function makeTarball(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-tarballs-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'package', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  const tgz = path.join(dir, 'pkg.tgz');
  execFileSync('tar', ['-czf', tgz, '-C', dir, 'package']);
  return tgz;
}

const ws = { name: '@stagelight/example-module', version: '0.1.0' };

function goodManifest(overrides = {}) {
  return {
    name: ws.name,
    version: ws.version,
    license: 'Apache-2.0',
    main: 'dist/index.cjs.js',
    types: 'dist/index.d.ts',
    files: ['dist', 'config.schema.json'],
    configSchema: 'config.schema.json',
    backstage: {
      role: 'backend-plugin-module',
      pluginId: 'catalog',
      pluginPackage: '@backstage/plugin-catalog-backend',
    },
    dependencies: {
      '@backstage/backend-plugin-api': '^1.12.0',
      '@stagelight/tag-contract': '^0.1.0',
    },
    ...overrides,
  };
}

function goodFiles(manifest = goodManifest()) {
  return {
    'package.json': manifest,
    'README.md': '# example\n',
    LICENSE: 'Apache License 2.0\n',
    'config.schema.json': '{}',
    'dist/index.cjs.js': 'module.exports = {};\n',
    'dist/index.d.ts': 'export {};\n',
  };
}

function check(files, extra = {}) {
  return checkTarball({
    ws,
    file: makeTarball(files),
    privateNames: new Set(['@internal/stagelight-local-aws']),
    packedVersions: new Map([['@stagelight/tag-contract', '0.1.0']]),
    semver,
    ...extra,
  }).problems;
}

test('a complete backend module passes', () => {
  assert.deepEqual(check(goodFiles()), []);
});

test('local ranges and private workspace dependencies are named', () => {
  const problems = check(
    goodFiles(
      goodManifest({
        dependencies: {
          '@stagelight/tag-contract': 'workspace:^',
          '@internal/stagelight-local-aws': '^0.0.0',
        },
        devDependencies: { vendored: 'link:../vendored' },
      }),
    ),
  );
  assert.ok(
    problems.some(p =>
      p.includes('dependencies.@stagelight/tag-contract is "workspace:^"'),
    ),
    problems.join('\n'),
  );
  assert.ok(
    problems.some(p =>
      p.includes('devDependencies.vendored is "link:../vendored"'),
    ),
    problems.join('\n'),
  );
  assert.ok(
    problems.some(p =>
      p.includes(
        '@internal/stagelight-local-aws is a private workspace package',
      ),
    ),
    problems.join('\n'),
  );
});

test('a range the packed sibling does not satisfy is named', () => {
  const problems = check(
    goodFiles(
      goodManifest({ dependencies: { '@stagelight/tag-contract': '^0.2.0' } }),
    ),
  );
  assert.deepEqual(problems, [
    'dependencies.@stagelight/tag-contract is "^0.2.0", which the packed @stagelight/tag-contract@0.1.0 does not satisfy',
  ]);
});

test('private, missing entry points, types, README and LICENSE are named', () => {
  const files = goodFiles(
    goodManifest({
      private: true,
      exports: {
        '.': {
          require: './dist/index.cjs.js',
          types: './dist/index.d.ts',
          default: './dist/index.cjs.js',
        },
        './alpha': {
          backstage: '@backstage/BackendFeature',
          require: './dist/alpha.cjs.js',
          default: './dist/alpha.cjs.js',
        },
        './package.json': './package.json',
      },
    }),
  );
  delete files['README.md'];
  delete files.LICENSE;
  delete files['dist/index.d.ts'];
  const problems = check(files);
  assert.deepEqual(problems.sort(), [
    'LICENSE is missing from the tarball',
    'README.md is missing from the tarball',
    'exports . > types points at ./dist/index.d.ts, not in the tarball',
    'exports ./alpha > default points at ./dist/alpha.cjs.js, not in the tarball',
    'exports ./alpha > require points at ./dist/alpha.cjs.js, not in the tarball',
    'exports ./alpha has no types condition',
    'package.json says "private": true',
    'types points at dist/index.d.ts, not in the tarball',
  ]);
});

test('backstage metadata is checked by role', () => {
  const moduleProblems = check(
    goodFiles(
      goodManifest({
        backstage: {
          role: 'backend-plugin-module',
          pluginId: 'catalog',
          pluginPackages: [ws.name],
        },
      }),
    ),
  );
  assert.ok(
    moduleProblems.some(p =>
      p.startsWith('backstage.pluginPackage is missing'),
    ),
    moduleProblems.join('\n'),
  );
  assert.ok(
    moduleProblems.some(p =>
      p.startsWith('backstage.pluginPackages is set on a module'),
    ),
    moduleProblems.join('\n'),
  );

  const pluginProblems = check(
    goodFiles(goodManifest({ backstage: { role: 'backend-plugin' } })),
  );
  assert.ok(
    pluginProblems.some(p => p.startsWith('backstage.pluginId is missing')),
    pluginProblems.join('\n'),
  );
  assert.ok(
    pluginProblems.some(p =>
      p.startsWith('backstage.pluginPackages is missing'),
    ),
    pluginProblems.join('\n'),
  );
});

test('a files entry with nothing behind it is named', () => {
  const files = goodFiles(
    goodManifest({ files: ['dist', 'migrations', 'config.schema.json'] }),
  );
  assert.deepEqual(check(files), [
    'files lists migrations, but the tarball has nothing there',
  ]);
});

test('long paths (GNU or pax headers) are read whole', () => {
  const long = `dist/${'a'.repeat(60)}/${'b'.repeat(60)}/index.cjs.js`;
  const entries = readTarball(makeTarball({ 'package.json': {}, [long]: 'x' }));
  assert.ok(entries.has(long), [...entries.keys()].join('\n'));
});
