#!/usr/bin/env node
// Writes the API report (report*.api.md) of every package we publish, or with
// --ci checks that the committed reports still match the public API. It
// compiles the declarations API Extractor reads (dist-types/) itself.
//
// The published packages are the workspace packages without "private": true,
// read from the package.json files, so a package that becomes public gets a
// report without editing a list here. repo-tools cannot skip private packages
// by itself, and its --exclude keeps a package unless it matches every pattern
// given, so the list is passed as paths instead.
//
// Silenced messages, both on every package:
//   ae-undocumented: a symbol or member without a doc summary. The report
//     still marks each one "(undocumented)"; reviewers see the gaps there.
//   ae-wrong-input-file-type: repo-tools analyses all packages in one program
//     whose workspace dependencies resolve to their src/*.ts (their "types"),
//     and API Extractor names the first such file, with its absolute path, in
//     every report. It says nothing about the package being reported.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT: root, listWorkspaces } = require('./registry/workspaces');
const ci = process.argv.includes('--ci');
const extraArgs = process.argv.slice(2).filter(arg => arg !== '--ci');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The workspaces and their package.json files, from the one place that lists
// them for every publishing script.
const workspaces = listWorkspaces().map(ws => ({
  dir: ws.location,
  pkg: readJson(path.join(ws.dir, 'package.json')),
}));
const published = workspaces.filter(({ pkg }) => !pkg.private);
if (published.length === 0) {
  console.error(
    'api-reports: no published packages (every workspace package.json has "private": true)',
  );
  process.exit(1);
}

// A package that stopped being published would otherwise keep a report that
// nothing checks any more.
const reportName = /^report(-[^.]+)?\.api\.md$/;
const orphaned = workspaces
  .filter(({ pkg }) => pkg.private)
  .flatMap(({ dir }) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter(file => reportName.test(file))
      .map(file => path.join(dir, file)),
  );
if (orphaned.length > 0) {
  console.error(
    `api-reports: private packages publish no API, so delete their reports: ${orphaned.join(
      ', ',
    )}`,
  );
  process.exit(1);
}

// `backstage-cli package prepack` points "exports" at dist/ until postpack
// restores it; repo-tools cannot read that form, and a report from it would
// not be the source's.
const packed = published.filter(
  ({ pkg }) =>
    pkg.exports &&
    typeof pkg.exports === 'object' &&
    Object.values(pkg.exports).some(target => typeof target !== 'string'),
);
if (packed.length > 0) {
  console.error(
    `api-reports: the "exports" of ${packed
      .map(({ dir }) => `${dir}/package.json`)
      .join(
        ', ',
      )} point at built output: a pack is running or was cut short. Wait for it, or run \`yarn backstage-cli package postpack\` in that package.`,
  );
  process.exit(1);
}

// API Extractor reads the declarations in dist-types/. They are written here by
// a fresh, non-incremental compile: an incremental `yarn tsc` may order the
// members of an inferred union differently from a fresh one (TypeScript orders
// them by when it first met each type), so reports made after a few edits
// would differ from a clean clone's for no change of the API.
console.error(
  'api-reports: compiling fresh declarations (tsc --incremental false)',
);
const tsc = spawnSync('yarn', ['tsc', '--incremental', 'false'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.error('api-reports: `tsc` failed; fix the type errors first');
  process.exit(tsc.status ?? 1);
}

// repo-tools stops at the first report that differs; its temp copy of that
// report is compared below, so keep where each one goes.
function entryPoints({ dir, pkg }) {
  const exportsField =
    pkg.exports && typeof pkg.exports === 'object' ? pkg.exports : { '.': '' };
  return Object.entries(exportsField)
    .filter(([mount, target]) => mount === '.' || /\.[cm]?tsx?$/.test(target))
    .map(([mount]) => {
      const name = mount === '.' ? '' : mount.replace(/^\.\//, '');
      const suffix = name ? `-${name}` : '';
      return {
        label: `${pkg.name}${name ? `/${name}` : ''}`,
        report: path.join(dir, `report${suffix}.api.md`),
        candidate: path.join(
          root,
          'node_modules/.cache/api-extractor',
          `${pkg.name.replace(/^@[^/]+\//, '')}${suffix}`,
          `report${suffix}.api.md`,
        ),
      };
    });
}

// repo-tools writes tsconfig.tmp.json at the root, deletes it on exit and
// empties node_modules/.cache/api-extractor on start, so two runs in one
// working tree break each other; the second waits for the first.
const lockFile = path.join(root, 'node_modules/.cache/api-reports.lock');
function acquireLock() {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      process.kill(holder, 0);
      alive = true;
    } catch (error) {
      alive = error.code === 'EPERM';
    }
    if (!alive) {
      // Left behind by a run that was killed.
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (!announced) {
      console.error(
        `api-reports: waiting for the run of process ${holder} to finish`,
      );
      announced = true;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}
acquireLock();
process.on('exit', () => {
  const holder = fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8');
  if (holder === String(process.pid)) fs.rmSync(lockFile, { force: true });
});

const args = [
  'backstage-repo-tools',
  'api-reports',
  ...(ci ? ['--ci'] : []),
  '--validate-release-tags',
  '--omit-messages',
  'ae-undocumented,ae-wrong-input-file-type',
  ...extraArgs,
  ...published.map(({ dir }) => dir),
];
const started = Date.now();
const result = spawnSync('yarn', args, {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (result.status === 0) {
  console.error(
    `api-reports: ${ci ? 'checked' : 'wrote'} the reports of ${
      published.length
    } published packages in ${seconds} s`,
  );
  process.exit(0);
}

if (ci) {
  const changed = published.flatMap(entryPoints).filter(entry => {
    if (!fs.existsSync(entry.candidate)) return false;
    const committed = path.join(root, entry.report);
    return (
      !fs.existsSync(committed) ||
      fs.readFileSync(committed, 'utf8') !==
        fs.readFileSync(entry.candidate, 'utf8')
    );
  });
  for (const entry of changed) {
    console.error(
      fs.existsSync(path.join(root, entry.report))
        ? `\napi-reports: the public API of ${entry.label} is not the one in ${entry.report}:`
        : `\napi-reports: ${entry.label} has no report ${entry.report}; its API is:`,
    );
    // A diff shows the change itself, not only that there is one.
    spawnSync(
      'git',
      [
        '--no-pager',
        'diff',
        '--no-index',
        '--',
        fs.existsSync(path.join(root, entry.report))
          ? entry.report
          : '/dev/null',
        path.relative(root, entry.candidate),
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
  console.error(
    `\napi-reports: FAILED. ${
      changed.length > 0
        ? 'A published package changed its public API without its report (the check stops at the first report that differs).'
        : 'See the messages above.'
    } If the change is meant, run \`yarn api-reports\` and commit the report*.api.md files; otherwise undo the change.`,
  );
} else {
  console.error(
    `api-reports: FAILED after ${seconds} s; fix the warnings above (release tags, exports) in the source and run \`yarn api-reports\` again.`,
  );
}
process.exit(result.status ?? 1);
