// The provenance check against a small synthetic app: it passes for an app
// installed from the tarball and fails, naming the path, for each way
// Stagelight code could arrive otherwise.   node --test adopters/lib/*.test.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const SINGLETONS = [
  'react',
  'react-dom',
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/backend-plugin-api',
  '@material-ui/core',
];

function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A "repository" with a package, its tarball, and an app installed from that tarball. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'provenance-test-'));
  const repo = join(root, 'repo');
  const source = join(repo, 'plugins', 'demo', 'package');
  writeJson(join(source, 'package.json'), {
    name: '@stagelight/demo',
    version: '0.1.0',
    main: 'index.js',
  });
  writeFileSync(join(source, 'index.js'), 'module.exports = 42;\n');
  const tarballs = join(repo, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  execFileSync('tar', [
    '-czf',
    join(tarballs, 'stagelight-demo-0.1.0.tgz'),
    '-C',
    dirname(source),
    'package',
  ]);

  const app = join(root, 'app');
  writeJson(join(app, 'package.json'), {
    name: 'root',
    private: true,
    workspaces: ['packages/*'],
  });
  writeJson(join(app, 'packages', 'backend', 'package.json'), {
    name: 'backend',
    version: '0.0.0',
    dependencies: { '@stagelight/demo': '0.1.0' },
  });
  writeFileSync(
    join(app, 'yarn.lock'),
    [
      '__metadata:\n  version: 8',
      '"@stagelight/demo@npm:0.1.0":\n  version: 0.1.0\n  resolution: "@stagelight/demo@npm:0.1.0"\n  languageName: node\n  linkType: hard',
      '"backend@workspace:packages/backend":\n  version: 0.0.0-use.local\n  resolution: "backend@workspace:packages/backend"\n  languageName: unknown\n  linkType: soft',
      '"root@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "root@workspace:."\n  languageName: unknown\n  linkType: soft',
      '',
    ].join('\n\n'),
  );
  cpSync(source, join(app, 'node_modules', '@stagelight', 'demo'), {
    recursive: true,
  });
  for (const name of SINGLETONS) {
    writeJson(join(app, 'node_modules', name, 'package.json'), {
      name,
      version: '1.0.0',
    });
  }
  const log = join(root, 'verdaccio.log');
  writeFileSync(
    log,
    "http <-- 200, user: null(127.0.0.1), req: 'GET /@stagelight%2fdemo/-/demo-0.1.0.tgz', bytes: 0/300\n",
  );
  return { root, repo, app, tarballs, log };
}

function check({ repo, app, tarballs, log }) {
  const result = spawnSync(
    process.execPath,
    [
      join(here, 'provenance.mjs'),
      '--app',
      app,
      '--tarballs',
      tarballs,
      '--repo',
      repo,
      '--registry-log',
      log,
      '--registry-log-offset',
      '0',
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectFailure(mutate, message) {
  const fixture = setup();
  try {
    mutate(fixture);
    const { status, output } = check(fixture);
    assert.equal(status, 1, output);
    assert.match(output, message);
  } finally {
    rmSync(fixture.root, { recursive: true, force: true });
  }
}

test('an app installed from the tarball passes', () => {
  const fixture = setup();
  try {
    const { status, output } = check(fixture);
    assert.equal(status, 0, output);
    assert.match(
      output,
      /1 installed @stagelight\/\* directories, each byte-identical/,
    );
  } finally {
    rmSync(fixture.root, { recursive: true, force: true });
  }
});

test('a changed file fails', () =>
  expectFailure(
    ({ app }) =>
      appendFileSync(
        join(app, 'node_modules/@stagelight/demo/index.js'),
        '// patched\n',
      ),
    /node_modules\/@stagelight\/demo\/index\.js differs from the file of the same name in stagelight-demo-0\.1\.0\.tgz/,
  ));

test('an extra file in a nested copy fails', () =>
  expectFailure(({ app }) => {
    const nested = join(app, 'packages/backend/node_modules/@stagelight/demo');
    cpSync(join(app, 'node_modules/@stagelight/demo'), nested, {
      recursive: true,
    });
    writeFileSync(join(nested, 'extra.js'), '1;\n');
  }, /packages\/backend\/node_modules\/@stagelight\/demo\/extra\.js is not in stagelight-demo-0\.1\.0\.tgz/));

test('a symlink into the repository fails', () =>
  expectFailure(({ app, repo }) => {
    const dir = join(app, 'node_modules/@stagelight/demo');
    rmSync(dir, { recursive: true });
    symlinkSync(join(repo, 'plugins/demo/package'), dir);
  }, /node_modules\/@stagelight\/demo is a symlink .*not a package installed from the registry/));

test('a link: dependency fails', () =>
  expectFailure(({ app, repo }) => {
    writeJson(join(app, 'packages/backend/package.json'), {
      name: 'backend',
      dependencies: { '@stagelight/demo': `link:${repo}/plugins/demo/package` },
    });
  }, /packages\/backend\/package\.json dependencies\.@stagelight\/demo is "link:/));

test('a range instead of the exact version fails', () =>
  expectFailure(({ app }) => {
    writeJson(join(app, 'packages/backend/package.json'), {
      name: 'backend',
      dependencies: { '@stagelight/demo': '^0.1.0' },
    });
  }, /is "\^0\.1\.0", not the published version 0\.1\.0/));

test('tsconfig paths fail', () =>
  expectFailure(({ app }) => {
    writeJson(join(app, 'tsconfig.json'), {
      compilerOptions: { paths: { '@stagelight/*': ['../repo/*'] } },
    });
  }, /tsconfig\.json sets compilerOptions\.paths/));

test('a second copy of react fails', () =>
  expectFailure(({ app }) => {
    writeJson(join(app, 'packages/backend/node_modules/react/package.json'), {
      name: 'react',
      version: '18.2.0',
    });
  }, /2 copies of react, one expected: node_modules\/react \(1\.0\.0\), packages\/backend\/node_modules\/react \(18\.2\.0\)/));

test('no download in the registry log fails', () =>
  expectFailure(
    ({ log }) => writeFileSync(log, ''),
    /shows no download of demo-0\.1\.0\.tgz/,
  ));
