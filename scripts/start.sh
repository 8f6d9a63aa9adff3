#!/usr/bin/env bash
# Command 1 of the README: on a fresh machine, installs what is missing (Node 22,
# dependencies, moto_server), starts local AWS with the demo fleet, and starts the
# portal at http://localhost:3000 (backend on :7007). Ctrl-C stops everything.
#   --skip-install   do not run yarn install (used by the end-to-end tests)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

if [ "${1:-}" != "--skip-install" ]; then
  scripts/ensure-prerequisites.sh moto
  yarn install
fi

mkdir -p .tools
log=.tools/local-aws.log
yarn local-aws up > "$log" 2>&1 &
local_aws=$!
trap 'kill $local_aws 2>/dev/null; wait $local_aws 2>/dev/null' EXIT INT TERM

# Wait until local AWS is seeded and the demo APIs answer before the portal starts.
for _ in $(seq 1 240); do
  grep -q '\[local-aws\] ready' "$log" && break
  kill -0 $local_aws 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
grep -q '\[local-aws\] ready' "$log" || { echo "local AWS did not come up:" >&2; cat "$log" >&2; exit 1; }
cat "$log"

yarn start
