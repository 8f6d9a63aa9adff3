#!/usr/bin/env node
/*
 * The workspace packages and which of them are published.
 *
 * Usage:
 *   node scripts/registry/workspaces.js            published packages, one "name<TAB>version<TAB>folder" a line
 *   node scripts/registry/workspaces.js --json     every workspace as JSON (name, version, location, private)
 *
 * "Published" has one home: a workspace's package.json without `"private": true`.
 * Nothing here keeps a list of names; the workspaces come from
 * `yarn workspaces list --json` and each one's own package.json.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The repo's own Yarn release (yarnPath in .yarnrc.yml), run with this Node,
 * so the scripts work whether or not scripts/toolchain.sh put a yarn on PATH.
 */
function yarnCommand() {
  const rc = fs.readFileSync(path.join(ROOT, '.yarnrc.yml'), 'utf8');
  const m = rc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!m) {
    throw new Error(".yarnrc.yml has no yarnPath; cannot run the repo's Yarn");
  }
  return [process.execPath, [path.join(ROOT, m[1])]];
}

/** Every workspace but the root, with the fields the registry scripts need. */
function listWorkspaces() {
  const [node, yarnArgs] = yarnCommand();
  const out = execFileSync(
    node,
    [...yarnArgs, 'workspaces', 'list', '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return out
    .split('\n')
    .filter(line => line.trim())
    .map(line => JSON.parse(line))
    .filter(ws => ws.location !== '.')
    .map(ws => {
      const dir = path.join(ROOT, ws.location);
      const pkg = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      );
      return {
        name: pkg.name,
        version: pkg.version,
        location: ws.location,
        dir,
        private: pkg.private === true,
      };
    });
}

function publishedWorkspaces() {
  return listWorkspaces().filter(ws => !ws.private);
}

/** npm's tarball name: @scope/name@1.2.3 -> scope-name-1.2.3.tgz */
function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

module.exports = { ROOT, listWorkspaces, publishedWorkspaces, tarballName };

if (require.main === module) {
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(listWorkspaces(), null, 2)}\n`);
  } else {
    for (const ws of publishedWorkspaces()) {
      process.stdout.write(`${ws.name}\t${ws.version}\t${ws.location}\n`);
    }
  }
}
