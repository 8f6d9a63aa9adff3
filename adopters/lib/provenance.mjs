#!/usr/bin/env node
// After an adopter app's install: proves that every piece of Stagelight in it
// came from the registry as published, and from nowhere else. Each failed
// check names the offending file or path; the run fails if any does.
//
//   node adopters/lib/provenance.mjs --app <dir> --tarballs <dir> --repo <dir>
//        [--registry-log <file> --registry-log-offset <bytes>]
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  closeSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageJsonFiles } from './prepare.mjs';
import { readTarballs, unpack } from './tarballs.mjs';

/** Packages that break when two copies load (React contexts, API refs, MUI theme). */
const SINGLETONS = [
  'react',
  'react-dom',
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/backend-plugin-api',
  '@material-ui/core',
];
const LOCAL_PROTOCOLS = /^(workspace|link|file|portal):/;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    opts[key] = argv[i + 1];
  }
  for (const required of ['app', 'tarballs', 'repo']) {
    if (!opts[required]) throw new Error(`provenance.mjs needs --${required}`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const appDir = realpathSync(opts.app);
const repoDir = realpathSync(opts.repo);
const failures = [];
const passed = [];
const fail = message => failures.push(message);
const rel = path => relative(appDir, path) || '.';
const insideRepo = path => path === repoDir || path.startsWith(repoDir + sep);

const tarballs = readTarballs(opts.tarballs);
const byName = new Map(tarballs.map(t => [t.name, t]));

if (insideRepo(appDir))
  fail(`the app itself lives inside the Stagelight repository (${appDir})`);

// 1. package.json files: @stagelight/* by exact published version, nothing linked.
let stagelightDeps = 0;
for (const file of packageJsonFiles(appDir)) {
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (LOCAL_PROTOCOLS.test(range))
        fail(
          `${rel(
            file,
          )} ${field}.${name} is "${range}": no workspace:, link:, file: or portal: dependency`,
        );
      if (!name.startsWith('@stagelight/')) continue;
      stagelightDeps++;
      const tarball = byName.get(name);
      if (!tarball)
        fail(`${rel(file)} ${field}.${name}: no such published package`);
      else if (range !== tarball.version)
        fail(
          `${rel(
            file,
          )} ${field}.${name} is "${range}", not the published version ${
            tarball.version
          }`,
        );
    }
  }
  for (const [key, value] of Object.entries(pkg.resolutions ?? {})) {
    if (key.includes('@stagelight/') || LOCAL_PROTOCOLS.test(String(value))) {
      fail(
        `${rel(
          file,
        )} resolutions.${key} is "${value}": Stagelight is installed by version, nothing is redirected`,
      );
    }
  }
}
passed.push(
  `package.json files list ${stagelightDeps} @stagelight/* dependencies by exact version`,
);

// 2. Lockfile: @stagelight/* resolved from npm at the published version; the only
// workspaces are the app's own, nothing linked from anywhere else.
const ownWorkspaces = new Set(
  packageJsonFiles(appDir).map(
    f => relative(appDir, join(f, '..')).split(sep).join('/') || '.',
  ),
);
const lockfile = readFileSync(join(appDir, 'yarn.lock'), 'utf8');
const resolved = new Map(); // @stagelight name -> version
for (const block of lockfile.split(/\n\n/)) {
  const resolution = block.match(/^ {2}resolution: "(.+)"$/m)?.[1];
  if (!resolution) continue;
  const at = resolution.indexOf('@', 1);
  const name = resolution.slice(0, at);
  const reference = resolution.slice(at + 1);
  const protocol = reference.match(/^([a-z]+):/)?.[1];
  if (protocol === 'workspace') {
    const path = reference.slice('workspace:'.length);
    if (!ownWorkspaces.has(path))
      fail(
        `yarn.lock resolves ${name} to workspace ${path}, which is not one of the app's own packages`,
      );
    if (name.startsWith('@stagelight/'))
      fail(`yarn.lock resolves ${name} to a workspace (${reference})`);
  } else if (['link', 'file', 'portal'].includes(protocol)) {
    fail(
      `yarn.lock resolves ${name} with ${reference}: nothing may be linked or copied in`,
    );
  } else if (name.startsWith('@stagelight/')) {
    const tarball = byName.get(name);
    if (protocol !== 'npm')
      fail(
        `yarn.lock resolves ${name} with ${reference}, not from the registry`,
      );
    else if (!tarball)
      fail(`yarn.lock resolves ${name}, which is not a published package`);
    else if (reference !== `npm:${tarball.version}`)
      fail(
        `yarn.lock resolves ${name} to ${reference}, not npm:${tarball.version}`,
      );
    resolved.set(name, reference.replace(/^npm:/, ''));
  }
}
if (!resolved.size) fail('yarn.lock resolves no @stagelight/* package');
passed.push(
  `yarn.lock resolves ${
    resolved.size
  } @stagelight/* packages from the registry: ${[...resolved.keys()].join(
    ', ',
  )}`,
);

// 3. One walk of the whole app (node_modules included), never following links.
const stagelightDirs = [];
const copies = new Map(SINGLETONS.map(name => [name, []]));
const symlinks = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      symlinks.push(path);
      if (entry.name === '@stagelight' || dir.endsWith(`${sep}@stagelight`)) {
        fail(
          `${rel(path)} is a symlink (to ${realpathOrMissing(
            path,
          )}), not a package installed from the registry`,
        );
      }
      continue;
    }
    if (!entry.isDirectory()) continue;
    const parent = dir.split(sep).slice(-1)[0];
    const grandparent = dir.split(sep).slice(-2)[0];
    if (
      parent === 'node_modules' ||
      (grandparent === 'node_modules' && parent.startsWith('@'))
    ) {
      const name = parent.startsWith('@')
        ? `${parent}/${entry.name}`
        : entry.name;
      if (name.startsWith('@stagelight/')) stagelightDirs.push(path);
      if (copies.has(name) && existsSync(join(path, 'package.json')))
        copies.get(name).push(path);
    }
    walk(path);
  }
}
function realpathOrMissing(path) {
  try {
    return realpathSync(path);
  } catch {
    return 'a missing target';
  }
}
walk(appDir);

// 3a. No link leads into the Stagelight repository.
for (const link of symlinks) {
  const target = realpathOrMissing(link);
  if (insideRepo(target))
    fail(
      `${rel(link)} resolves to ${target}, inside the Stagelight repository`,
    );
}
passed.push(`${symlinks.length} symlinks under the app, none into ${repoDir}`);

// 3b. Each installed @stagelight package is the published tarball, file for file.
function listFiles(dir, base = dir, out = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (dir === base && entry.name === 'node_modules') continue; // its own nested dependencies
    if (entry.isSymbolicLink())
      out.set(relative(base, path), { symlink: true });
    else if (entry.isDirectory()) listFiles(path, base, out);
    else out.set(relative(base, path), { path });
  }
  return out;
}
for (const dir of stagelightDirs) {
  const manifestFile = join(dir, 'package.json');
  if (!existsSync(manifestFile)) {
    fail(`${rel(dir)} has no package.json`);
    continue;
  }
  const { name, version } = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const tarball = byName.get(name);
  if (!tarball) {
    fail(
      `${rel(
        dir,
      )} is ${name}@${version}, which was not published to the registry`,
    );
    continue;
  }
  if (version !== tarball.version)
    fail(
      `${rel(dir)} is ${name}@${version}, the registry has ${tarball.version}`,
    );
  const expected = listFiles(unpack(tarball));
  const actual = listFiles(dir);
  for (const [file, info] of actual) {
    if (info.symlink) fail(`${rel(join(dir, file))} is a symlink`);
    else if (!expected.has(file))
      fail(`${rel(join(dir, file))} is not in ${tarball.file}`);
    else if (
      !readFileSync(info.path).equals(readFileSync(expected.get(file).path))
    ) {
      fail(
        `${rel(join(dir, file))} differs from the file of the same name in ${
          tarball.file
        }`,
      );
    }
  }
  for (const file of expected.keys()) {
    if (!actual.has(file))
      fail(`${rel(join(dir, file))} is missing: ${tarball.file} has it`);
  }
}
if (!stagelightDirs.length)
  fail('no node_modules/@stagelight/* directory under the app');
passed.push(
  `${stagelightDirs.length} installed @stagelight/* directories, each byte-identical to its tarball`,
);

// 3c. One copy of each singleton.
for (const [name, dirs] of copies) {
  if (dirs.length === 1) continue;
  const found = dirs.map(
    d =>
      `${rel(d)} (${
        JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).version
      })`,
  );
  fail(
    `${dirs.length} copies of ${name}, one expected${
      found.length ? `: ${found.join(', ')}` : ''
    }`,
  );
}
passed.push(`one copy each of ${SINGLETONS.join(', ')}`);

// 4. No path alias or bundler alias: no tsconfig paths, and no file of the app
// outside node_modules names the repository (the yarnPath line excepted: it is
// the package manager, not app code).
function appFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'dist-types', '.yarn'].includes(entry.name))
      continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) appFiles(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
for (const file of appFiles(appDir)) {
  if (statSync(file).size > 5_000_000) continue;
  const text = readFileSync(file, 'utf8');
  const base = file.split(sep).pop();
  if (/^tsconfig.*\.json$/.test(base) && /"(paths|baseUrl)"\s*:/.test(text)) {
    fail(
      `${rel(
        file,
      )} sets compilerOptions.paths or baseUrl: modules resolve from node_modules only`,
    );
  }
  if (
    /(webpack|rspack|vite|babel|swc|jest)\.config\.|^\.swcrc$|^\.babelrc/.test(
      base,
    ) &&
    text.includes('@stagelight')
  ) {
    fail(`${rel(file)} mentions @stagelight: no bundler alias for Stagelight`);
  }
  text.split('\n').forEach((line, i) => {
    if (
      line.includes(repoDir) &&
      !(base === '.yarnrc.yml' && line.startsWith('yarnPath:'))
    ) {
      fail(
        `${rel(file)}:${i + 1} names the Stagelight repository: ${line.trim()}`,
      );
    }
  });
}
passed.push('no tsconfig paths, bundler alias or file naming the repository');

// 5. Node resolves each @stagelight dependency of each workspace inside the app.
for (const file of packageJsonFiles(appDir)) {
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const dir = join(file, '..');
  for (const name of Object.keys({
    ...pkg.dependencies,
    ...pkg.devDependencies,
  })) {
    if (!name.startsWith('@stagelight/')) continue;
    let where;
    try {
      where = execFileSync(
        process.execPath,
        ['-p', `require.resolve(${JSON.stringify(`${name}/package.json`)})`],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      ).trim();
    } catch (e) {
      fail(
        `${name} does not resolve from ${rel(dir)}: ${
          String(e.stderr ?? e.message).split('\n')[0]
        }`,
      );
      continue;
    }
    const real = realpathSync(where);
    if (
      !real.startsWith(appDir + sep) ||
      !real.includes(`${sep}node_modules${sep}@stagelight${sep}`)
    ) {
      fail(
        `${name} resolves from ${rel(
          dir,
        )} to ${real}, not to the app's node_modules`,
      );
    } else if (insideRepo(real)) {
      fail(
        `${name} resolves from ${rel(
          dir,
        )} to ${real}, inside the Stagelight repository`,
      );
    }
  }
}
passed.push(
  "each @stagelight dependency resolves (require.resolve) into the app's node_modules",
);

// 6. The registry served each resolved tarball during this install.
if (opts['registry-log']) {
  const offset = Number(opts['registry-log-offset'] ?? 0);
  const fd = openSync(opts['registry-log'], 'r');
  const size = statSync(opts['registry-log']).size;
  const buffer = Buffer.alloc(Math.max(0, size - offset));
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  const lines = buffer.toString('utf8').split('\n');
  for (const [name, version] of resolved) {
    const file = `${name.split('/')[1]}-${version}.tgz`;
    const served = lines.some(
      line => line.includes(`/-/${file}`) && /\b200\b/.test(line),
    );
    if (!served)
      fail(
        `the registry log ${opts['registry-log']} shows no download of ${file} (200) during this install`,
      );
  }
  passed.push(
    `the registry served all ${resolved.size} tarballs during this install`,
  );
}

if (failures.length) {
  console.error(`Provenance check of ${appDir} FAILED:`);
  for (const message of failures) console.error(`  x ${message}`);
  process.exit(1);
}
for (const message of passed) console.log(`  ok ${message}`);
