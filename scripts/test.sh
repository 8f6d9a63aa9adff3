#!/usr/bin/env bash
# Command 2 of the README: runs every test. Installs what is missing (Node 22,
# dependencies, moto_server, cfn-lint, Chromium, PostgreSQL, verdaccio),
# type-checks, checks the published packages' metadata and API reports, runs every package's
# Jest tests (backend tests on SQLite and on PostgreSQL; AWS tests against
# moto_server over HTTP), the end-to-end tests in Chromium, and finally the
# adopter proof: the packages packed, served from a local verdaccio and installed
# by version into two Backstage apps outside the workspace (scripts/adopters.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
scripts/ensure-prerequisites.sh moto cfnlint chromium verdaccio
if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi
source scripts/postgres.sh

echo "== type check" >&2
yarn tsc
node scripts/check-architecture.js

echo "== published packages: metadata and API reports" >&2
yarn backstage-cli repo fix --publish --check
yarn api-reports:check
node --test scripts/registry/*.test.js

echo "== unit and integration tests" >&2
mkdir -p .tools
rm -f .tools/jest-results.json .tools/e2e-results.json .tools/adopters/*/results.json
jest_status=0
CI=true yarn backstage-cli repo test --json --outputFile=.tools/jest-results.json || jest_status=$?

echo "== end-to-end tests" >&2
e2e_status=0
scripts/e2e.sh || e2e_status=$?

echo "== adopter apps, installed from a local registry" >&2
adopters_status=0
scripts/adopters.sh || adopters_status=$?

node scripts/test-summary.js .tools/jest-results.json .tools/e2e-results.json .tools/adopters/*/results.json
exit $(( jest_status || e2e_status || adopters_status ))
