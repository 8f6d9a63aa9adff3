import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { VENDOR } from '../stack/generatedRepository';
import type { DryRunFile } from './scaffolderBackend';

/** The monorepo's installed packages, which the rendered repository borrows instead of installing. */
export const MONOREPO_NODE_MODULES = join(
  __dirname,
  '../../../../node_modules',
);

/** Writes the dry run's files into `dir`, as publishing would push them. */
export async function writeDryRunFiles(dir: string, files: DryRunFile[]) {
  for (const file of files) {
    const target = join(dir, file.path);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(file.base64Content, 'base64'), {
      mode: file.executable ? 0o755 : 0o644,
    });
  }
}

/**
 * Stands in for `yarn install` in a rendered repository: node_modules holds a
 * symlink to every package the monorepo installed, except the workspace's own
 * scopes (`@internal`, `@stagelight`), which hold links to the repository's
 * own vendor/ folders exactly as Yarn's
 * `link:` protocol lays them out. So the repository resolves the vendored
 * tag contract, not the monorepo's, and the stack finds itself by name only
 * through its package.json `exports` (self-reference).
 */
const WORKSPACE_SCOPES = ['@internal', '@stagelight'];

export async function linkDependencies(dir: string) {
  const modules = join(dir, 'node_modules');
  await fs.mkdir(modules, { recursive: true });
  for (const entry of await fs.readdir(MONOREPO_NODE_MODULES)) {
    if (WORKSPACE_SCOPES.includes(entry)) continue;
    await fs.symlink(join(MONOREPO_NODE_MODULES, entry), join(modules, entry));
  }
  for (const vendored of Object.values(VENDOR)) {
    await fs.mkdir(dirname(join(modules, vendored.name)), { recursive: true });
    await fs.symlink(join(dir, vendored.dir), join(modules, vendored.name));
  }
}
