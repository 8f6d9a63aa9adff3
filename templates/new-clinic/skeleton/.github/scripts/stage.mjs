#!/usr/bin/env node
// Stage facts for the pipeline, read from clinic.config.json (the one place a
// clinic's variables live): which stage a branch deploys, where it runs, and
// which branch a stage promotes to. Prints `key=value` lines for $GITHUB_OUTPUT.
//
//   node .github/scripts/stage.mjs target <branch>   stage, account, region, stack, role, repository
//   node .github/scripts/stage.mjs next <branch>     the next stage's branch (empty for the last)
import { readFileSync } from 'node:fs';

const config = JSON.parse(
  readFileSync(new URL('../../clinic.config.json', import.meta.url), 'utf8'),
);
// The protected stage (prod) lives on main; the others on a branch of their name.
const PROTECTED_BRANCH = 'main';
const isProtected = s => s.protected ?? s.name === 'prod';
const branchOf = s => (isProtected(s) ? PROTECTED_BRANCH : s.name);

const [command, branch] = process.argv.slice(2);
const index = config.stages.findIndex(s => branchOf(s) === branch);
if (index < 0) {
  console.error(
    `Branch "${branch}" deploys no stage; stage branches: ${config.stages
      .map(branchOf)
      .join(', ')}`,
  );
  process.exit(1);
}
const stage = config.stages[index];

if (command === 'target') {
  const out = {
    clinic: config.clinic,
    stage: stage.name,
    account: stage.account,
    region: stage.region,
    stack: `ir-${config.clinic}-${stage.name}`,
    role: `arn:aws:iam::${stage.account}:role/ir-${config.clinic}-deploy`,
    repository: `ir-${config.clinic}/api`,
  };
  for (const [k, v] of Object.entries(out)) console.log(`${k}=${v}`);
} else if (command === 'next') {
  const next = config.stages[index + 1];
  console.log(`branch=${next ? branchOf(next) : ''}`);
} else {
  console.error(`Unknown command "${command}": use target or next`);
  process.exit(1);
}
