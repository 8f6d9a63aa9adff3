#!/usr/bin/env node
// docs/architecture.md names the files each flow passes through; this fails
// when one of them no longer exists, so the page cannot drift from the code.
// A path is looked up from the repository root, then from the package folders
// the page writes relative paths against.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
const bases = [
  '',
  'plugins/stagelight-backend/src',
  'plugins/stagelight-backend',
  'plugins/scaffolder-backend-module-stagelight',
];
const named = [...doc.matchAll(/`([\w./-]+\/[\w.-]+)`/g)].map(m => m[1]);
const missing = named.filter(
  p => !bases.some(base => fs.existsSync(path.join(root, base, p))),
);
if (missing.length > 0) {
  console.error(
    `docs/architecture.md names files that do not exist:\n  ${missing.join(
      '\n  ',
    )}`,
  );
  process.exit(1);
}
console.error(`docs/architecture.md: all ${named.length} named paths exist`);
