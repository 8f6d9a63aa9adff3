// The packed @stagelight/* tarballs (scripts/registry/pack.sh writes them): what
// the registry serves, and so what an adopter's install must be made of.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every tarball of the folder: its file, package name, version and sha1 (npm's `dist.shasum`). */
export function readTarballs(dir) {
  let files;
  try {
    files = readdirSync(dir).filter(f => f.endsWith('.tgz'));
  } catch (e) {
    throw new Error(
      `No tarball folder ${dir} (${e.code}): run scripts/registry/pack.sh first`,
    );
  }
  if (!files.length)
    throw new Error(`No .tgz in ${dir}: run scripts/registry/pack.sh first`);
  return files.map(file => {
    const path = join(dir, file);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', path, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    const sha1 = createHash('sha1').update(readFileSync(path)).digest('hex');
    return { file, path, name: manifest.name, version: manifest.version, sha1 };
  });
}

/** Unpacks a tarball into a fresh temporary folder; returns the folder holding its files (npm's `package/`). */
export function unpack(tarball) {
  const dir = mkdtempSync(join(tmpdir(), 'stagelight-tarball-'));
  execFileSync('tar', ['-xzf', tarball.path, '-C', dir]);
  return join(dir, 'package');
}
