#!/usr/bin/env node
/*
 * Checks the packed tarballs of the published packages, as a registry would
 * serve them, and prints their sizes.
 *
 * Usage:
 *   node scripts/registry/check-tarballs.js [tarball-dir] [--json]
 *     tarball-dir  default .tools/registry/tarballs (what scripts/registry/pack.sh writes)
 *     --json       print the table as JSON instead of text
 *
 * For every published workspace (package.json without "private": true) there
 * must be one tarball <scope>-<name>-<version>.tgz, and its package.json must:
 *   - not be private, and name the workspace's name and version;
 *   - hold no workspace:/link:/file:/portal:/patch: range (npm and other
 *     package managers cannot install them) and no dependency on a private
 *     workspace package; ranges on other published packages must accept the
 *     version packed next to it;
 *   - point main/module/types/browser, every exports target and every
 *     typesVersions path at a file inside the tarball, with types (.d.ts) for
 *     the main entry and for every script entry of exports;
 *   - carry the backstage metadata its role needs (pluginId, pluginPackages
 *     for plugins and plugin libraries, pluginPackage for modules);
 *   - ship README.md and LICENSE, its configSchema, and something for every
 *     `files` entry.
 * Exits 1 listing every problem, one line per package and problem.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { ROOT, listWorkspaces, tarballName } = require('./workspaces');

const LOCAL_PROTOCOLS = /^(workspace|link|file|portal|patch):/;
const DEP_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];
const RUNTIME_DEP_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
];
const SCRIPT_EXT = /\.(c|m)?jsx?$/;

/**
 * Reads a .tgz into a map of path (without the leading "package/") to contents.
 * The system tar unpacks it (it knows every header form npm and yarn write, pax
 * long paths included); only regular files are kept.
 */
function readTarball(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagelight-check-'));
  try {
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    const entries = new Map();
    const walk = (abs, rel) => {
      for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
        const childAbs = path.join(abs, entry.name);
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(childAbs, childRel);
        else if (entry.isFile())
          entries.set(childRel, fs.readFileSync(childAbs));
      }
    };
    // npm's tarballs hold one top folder (package/); strip it as npm does.
    for (const top of fs.readdirSync(dir, { withFileTypes: true })) {
      if (top.isDirectory()) walk(path.join(dir, top.name), '');
    }
    return entries;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function loadSemver() {
  try {
    return require(require.resolve('semver', { paths: [ROOT] }));
  } catch {
    throw new Error(
      'check-tarballs.js needs the semver package from the repo: run `yarn install` first.',
    );
  }
}

function humanSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * Every file target of an exports value (conditions nest). The `backstage`
 * condition that backstage-cli's prepack adds names the feature type the entry
 * point exports by default (e.g. `@backstage/FrontendPlugin`), not a file.
 */
function exportTargets(value, trail = []) {
  if (typeof value === 'string') return [{ target: value, trail }];
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k]) => k !== 'backstage')
      .flatMap(([k, v]) => exportTargets(v, [...trail, k]));
  }
  return [];
}

const norm = p => p.replace(/^\.\//, '');

function checkBackstage(pkg, problems) {
  const b = pkg.backstage;
  if (!b || !b.role) {
    problems.push('backstage.role is missing');
    return;
  }
  const { role, pluginId } = b;
  const isPlugin = role === 'frontend-plugin' || role === 'backend-plugin';
  const isModule =
    role === 'frontend-plugin-module' || role === 'backend-plugin-module';
  const isLibrary = ['common-library', 'web-library', 'node-library'].includes(
    role,
  );
  if ((isPlugin || isModule) && !pluginId) {
    problems.push(
      `backstage.pluginId is missing (role ${role}); run 'yarn backstage-cli repo fix --publish'`,
    );
  }
  if ((isPlugin || (isLibrary && pluginId)) && !b.pluginPackages) {
    problems.push(
      `backstage.pluginPackages is missing (role ${role}, plugin ${pluginId}); run 'yarn backstage-cli repo fix --publish'`,
    );
  }
  if (b.pluginPackages && !b.pluginPackages.includes(pkg.name)) {
    problems.push(
      `backstage.pluginPackages ${JSON.stringify(
        b.pluginPackages,
      )} does not name the package itself`,
    );
  }
  if (isModule && pluginId && !b.pluginPackage) {
    problems.push(
      `backstage.pluginPackage is missing (role ${role}, module for ${pluginId}); run 'yarn backstage-cli repo fix --publish'`,
    );
  }
  if (isModule && b.pluginPackages) {
    problems.push(
      'backstage.pluginPackages is set on a module; modules name the plugin they extend in backstage.pluginPackage',
    );
  }
}

function checkTarball({ ws, file, privateNames, packedVersions, semver }) {
  const problems = [];
  const entries = readTarball(file);
  const has = p => entries.has(norm(p));
  const manifestBuf = entries.get('package.json');
  if (!manifestBuf) {
    return { problems: ['package.json is missing from the tarball'], entries };
  }
  const pkg = JSON.parse(manifestBuf.toString('utf8'));

  if (pkg.private) problems.push('package.json says "private": true');
  if (pkg.name !== ws.name) {
    problems.push(`package.json names ${pkg.name}, expected ${ws.name}`);
  }
  if (pkg.version !== ws.version) {
    problems.push(
      `package.json has version ${pkg.version}, the workspace has ${ws.version}`,
    );
  }
  if (!pkg.license || pkg.license === 'UNLICENSED') {
    problems.push(`license is ${pkg.license ?? 'missing'}`);
  }

  for (const field of DEP_FIELDS) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (LOCAL_PROTOCOLS.test(range)) {
        problems.push(
          `${field}.${dep} is "${range}", a local range no registry install can resolve`,
        );
      }
      if (!RUNTIME_DEP_FIELDS.includes(field)) continue;
      if (privateNames.has(dep)) {
        problems.push(
          `${field}.${dep}: ${dep} is a private workspace package and is never published`,
        );
      }
      const packed = packedVersions.get(dep);
      if (
        packed &&
        !LOCAL_PROTOCOLS.test(range) &&
        !semver.satisfies(packed, range)
      ) {
        problems.push(
          `${field}.${dep} is "${range}", which the packed ${dep}@${packed} does not satisfy`,
        );
      }
    }
  }

  for (const field of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof pkg[field] === 'string' && !has(pkg[field])) {
      problems.push(`${field} points at ${pkg[field]}, not in the tarball`);
    }
  }
  const types = pkg.types ?? pkg.typings;
  if (!types) {
    problems.push('no types field: TypeScript users get no declarations');
  } else if (!types.endsWith('.d.ts')) {
    problems.push(`types points at ${types}, not a .d.ts file`);
  }

  if (pkg.exports) {
    const exp =
      typeof pkg.exports === 'string' ? { '.': pkg.exports } : pkg.exports;
    for (const [subpath, value] of Object.entries(exp)) {
      for (const { target, trail } of exportTargets(value)) {
        if (!has(target)) {
          const where = [subpath, ...trail].join(' > ');
          problems.push(
            `exports ${where} points at ${target}, not in the tarball`,
          );
        }
      }
      const targets = exportTargets(value).map(t => t.target);
      const isScript = targets.some(t => SCRIPT_EXT.test(t));
      const hasTypes =
        value && typeof value === 'object' && typeof value.types === 'string';
      if (isScript && !hasTypes) {
        problems.push(`exports ${subpath} has no types condition`);
      }
    }
  }
  for (const [range, map] of Object.entries(pkg.typesVersions ?? {})) {
    for (const [sub, paths] of Object.entries(map)) {
      for (const p of paths) {
        if (!p.includes('*') && !has(p)) {
          problems.push(
            `typesVersions ${range} ${sub} points at ${p}, not in the tarball`,
          );
        }
      }
    }
  }

  checkBackstage(pkg, problems);

  const names = [...entries.keys()];
  if (!names.some(n => /^readme(\.md)?$/i.test(n))) {
    problems.push('README.md is missing from the tarball');
  }
  if (!names.some(n => /^licen[cs]e(\.md|\.txt)?$/i.test(n))) {
    problems.push('LICENSE is missing from the tarball');
  }
  if (typeof pkg.configSchema === 'string' && !has(pkg.configSchema)) {
    problems.push(
      `configSchema points at ${pkg.configSchema}, not in the tarball`,
    );
  }
  for (const entry of pkg.files ?? []) {
    if (/[*?[\]{}!]/.test(entry)) continue;
    const e = norm(entry).replace(/\/$/, '');
    if (!names.some(n => n === e || n.startsWith(`${e}/`))) {
      problems.push(`files lists ${entry}, but the tarball has nothing there`);
    }
  }
  if (names.includes('package.json-prepack')) {
    problems.push(
      'package.json-prepack is in the tarball: backstage-cli package prepack ran without postpack',
    );
  }
  return { problems, entries, pkg };
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dir = path.resolve(
    args.find(a => !a.startsWith('--')) ??
      path.join(ROOT, '.tools', 'registry', 'tarballs'),
  );
  const semver = loadSemver();
  const workspaces = listWorkspaces();
  const published = workspaces.filter(ws => !ws.private);
  const privateNames = new Set(
    workspaces.filter(ws => ws.private).map(ws => ws.name),
  );
  const packedVersions = new Map(published.map(ws => [ws.name, ws.version]));
  const expected = new Set(
    published.map(ws => tarballName(ws.name, ws.version)),
  );

  const failures = [];
  const rows = [];
  const present = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const f of present.filter(n => n.endsWith('.tgz'))) {
    if (!expected.has(f)) {
      failures.push(
        `${f}: no published workspace packs to this name (stale tarball of an old version or of a package now private?)`,
      );
    }
  }
  for (const ws of published) {
    const file = path.join(dir, tarballName(ws.name, ws.version));
    if (!fs.existsSync(file)) {
      failures.push(
        `${ws.name}: no tarball ${path.relative(
          ROOT,
          file,
        )} (run scripts/registry/pack.sh)`,
      );
      continue;
    }
    const { problems, entries } = checkTarball({
      ws,
      file,
      privateNames,
      packedVersions,
      semver,
    });
    for (const p of problems) failures.push(`${ws.name}: ${p}`);
    let unpacked = 0;
    for (const body of entries.values()) unpacked += body.length;
    rows.push({
      name: ws.name,
      version: ws.version,
      tarball: path.relative(ROOT, file),
      packedBytes: fs.statSync(file).size,
      unpackedBytes: unpacked,
      files: entries.size,
      ok: problems.length === 0,
    });
  }

  if (json) {
    process.stdout.write(`${JSON.stringify({ rows, failures }, null, 2)}\n`);
  } else {
    const header = [
      'package',
      'version',
      'packed (gzip)',
      'unpacked',
      'files',
      'check',
    ];
    const table = rows.map(r => [
      r.name,
      r.version,
      humanSize(r.packedBytes),
      humanSize(r.unpackedBytes),
      String(r.files),
      r.ok ? 'ok' : 'FAIL',
    ]);
    const sum = k => rows.reduce((s, r) => s + r[k], 0);
    table.push([
      `total (${rows.length})`,
      '',
      humanSize(sum('packedBytes')),
      humanSize(sum('unpackedBytes')),
      String(sum('files')),
      '',
    ]);
    const widths = header.map((h, i) =>
      Math.max(h.length, ...table.map(r => r[i].length)),
    );
    const right = new Set([2, 3, 4]);
    const line = r =>
      r
        .map((c, i) =>
          right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]),
        )
        .join('  ')
        .trimEnd();
    console.log(line(header));
    console.log(line(widths.map(w => '-'.repeat(w))));
    for (const r of table) console.log(line(r));
  }
  if (failures.length > 0) {
    console.error(
      `\nThe packed tarballs are not fit to publish (${failures.length} problems):`,
    );
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exit(1);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`check-tarballs.js: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { readTarball, checkTarball };
