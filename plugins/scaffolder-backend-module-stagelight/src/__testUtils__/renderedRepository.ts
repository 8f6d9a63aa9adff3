import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * scopes (`@internal`, `@stagelight`). Of those, only the packages the
 * rendered package.json asks the registry for are linked, each to its
 * workspace folder, and only if the workspace version satisfies the rendered
 * range, as the registry's would have to. So a rendered repository that still
 * imported a private or vendored package fails to resolve it here, and the
 * stack finds itself by name only through its package.json `exports`
 * (self-reference).
 */
const WORKSPACE_SCOPES = ['@internal', '@stagelight'];

/** What `^x.y.z` allows of a version (semver's caret, without pre-releases). */
function caretAllows(range: string, version: string): boolean {
  const want = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  const have = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!want || !have) return false;
  const [w, h] = [want.slice(1).map(Number), have.slice(1).map(Number)];
  // Parts up to the first non-zero one of the range (the patch at most) are fixed.
  const firstNonZero = w.findIndex(n => n !== 0);
  const fixed = firstNonZero === -1 ? 2 : firstNonZero;
  const samePrefix = h.slice(0, fixed + 1).every((n, i) => n === w[i]);
  const i = h.findIndex((n, k) => n !== w[k]);
  return samePrefix && (i === -1 || h[i] > w[i]);
}

export async function linkDependencies(dir: string) {
  const modules = join(dir, 'node_modules');
  await fs.mkdir(modules, { recursive: true });
  for (const entry of await fs.readdir(MONOREPO_NODE_MODULES)) {
    if (WORKSPACE_SCOPES.includes(entry)) continue;
    await fs.symlink(join(MONOREPO_NODE_MODULES, entry), join(modules, entry));
  }
  const pkg = JSON.parse(await fs.readFile(join(dir, 'package.json'), 'utf8'));
  const wanted: Record<string, string> = {
    ...pkg.dependencies,
    ...pkg.devDependencies,
  };
  for (const [name, range] of Object.entries(wanted)) {
    if (!WORKSPACE_SCOPES.includes(name.split('/')[0])) continue;
    const workspaceFolder = await fs.realpath(
      join(MONOREPO_NODE_MODULES, name),
    );
    const workspacePkg = JSON.parse(
      await fs.readFile(join(workspaceFolder, 'package.json'), 'utf8'),
    );
    if (workspacePkg.private || !caretAllows(range, workspacePkg.version)) {
      throw new Error(
        `The rendered repository asks for ${name}@${range}, which a registry would not serve from this workspace (${
          workspacePkg.private ? 'private' : `version ${workspacePkg.version}`
        })`,
      );
    }
    await fs.mkdir(dirname(join(modules, name)), { recursive: true });
    await fs.symlink(workspaceFolder, join(modules, name));
  }
}
