#!/usr/bin/env node
// Turns a copied fixture into an app that installs the current @stagelight/*
// build: stamps the exact published versions into its package.json files and
// drops the @stagelight entries from its lockfile (their checksums change with
// every build; everything else stays pinned by the committed lockfile).
//
//   node adopters/lib/prepare.mjs <app dir> <tarball dir>
//   node adopters/lib/prepare.mjs --strip-lockfile <yarn.lock>
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTarballs } from './tarballs.mjs';

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** The app's own package.json files: the root and each workspace under packages/. */
export function packageJsonFiles(appDir) {
  const files = [join(appDir, 'package.json')];
  const packages = join(appDir, 'packages');
  if (existsSync(packages)) {
    for (const name of readdirSync(packages)) {
      const file = join(packages, name, 'package.json');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

function stamp(appDir, versions) {
  const stamped = [];
  for (const file of packageJsonFiles(appDir)) {
    const text = readFileSync(file, 'utf8');
    const pkg = JSON.parse(text);
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (!name.startsWith('@stagelight/')) continue;
        const version = versions.get(name);
        if (!version) {
          throw new Error(
            `${relative(
              appDir,
              file,
            )} ${field} names ${name}, which is not among the packed tarballs (${[
              ...versions.keys(),
            ].join(', ')})`,
          );
        }
        pkg[field][name] = version;
        stamped.push(`${relative(appDir, file)}: ${name}@${version}`);
      }
    }
    for (const key of Object.keys(pkg.resolutions ?? {})) {
      if (key.includes('@stagelight/')) {
        throw new Error(
          `${relative(
            appDir,
            file,
          )} has a resolution for ${key}: an adopter installs Stagelight by version only`,
        );
      }
    }
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  if (!stamped.length)
    throw new Error(
      `No @stagelight/* dependency in ${appDir}'s package.json files`,
    );
  return stamped;
}

/** Removes every lockfile entry whose key names a @stagelight/ package. */
export function stripLockfile(text) {
  const blocks = text.split(/\n\n/);
  const kept = blocks.filter(block => {
    const key = block.split('\n').find(line => line && !line.startsWith('#'));
    return !(key && !key.startsWith(' ') && key.includes('@stagelight/'));
  });
  return { text: kept.join('\n\n'), removed: blocks.length - kept.length };
}

const args = process.argv.slice(2);
const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (!isMain) {
  // imported for packageJsonFiles / stripLockfile
} else if (args[0] === '--strip-lockfile') {
  const file = args[1];
  const { text, removed } = stripLockfile(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  console.log(`${file}: removed ${removed} @stagelight entries`);
} else {
  const [appDir, tarballDir] = args;
  if (!appDir || !tarballDir) {
    console.error(
      'usage: prepare.mjs <app dir> <tarball dir> | --strip-lockfile <yarn.lock>',
    );
    process.exit(2);
  }
  const versions = new Map(
    readTarballs(tarballDir).map(t => [t.name, t.version]),
  );
  for (const line of stamp(appDir, versions)) console.log(`stamped ${line}`);
  const lockfile = join(appDir, 'yarn.lock');
  if (existsSync(lockfile)) {
    const { text, removed } = stripLockfile(readFileSync(lockfile, 'utf8'));
    writeFileSync(lockfile, text);
    console.log(`yarn.lock: removed ${removed} @stagelight entries`);
  }
}
