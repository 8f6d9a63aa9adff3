#!/usr/bin/env bash
# End-to-end tests: starts the portal exactly as the README's first command does
# (local AWS with the demo fleet, backend and app), waits until it serves, runs the
# Playwright tests against it with an installed Chromium, and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
scripts/ensure-prerequisites.sh moto chromium
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser)}"

for port in 3000 7007 4566 4567; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "Port $port is in use: stop the running portal or local AWS first." >&2
    exit 1
  fi
done

mkdir -p .tools
setsid scripts/start.sh --skip-install > .tools/e2e-portal.log 2>&1 &
portal=$!
trap 'kill -- -$portal 2>/dev/null; wait $portal 2>/dev/null || true' EXIT INT TERM

ready() { curl -sf -o /dev/null "$1"; }
for _ in $(seq 1 360); do
  if ready http://localhost:3000 && ready http://localhost:7007/.backstage/health/v1/readiness; then break; fi
  kill -0 $portal 2>/dev/null || { tail -50 .tools/e2e-portal.log >&2; exit 1; }
  sleep 1
done
ready http://localhost:7007/.backstage/health/v1/readiness || { tail -50 .tools/e2e-portal.log >&2; exit 1; }

yarn playwright test "$@"
