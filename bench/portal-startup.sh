#!/usr/bin/env bash
# Measures the newcomer's path (not a test): from a clean clone of this repository,
#   - install time (toolchain + yarn install; pass --cold to use an empty Yarn cache),
#   - time from command 1 (scripts/start.sh) to the first page served on :3000 and
#     to the demo clinics being in the catalog,
#   - backend memory (RSS) once the catalog holds them.
# Needs ports 3000, 7007, 4566 and 4567 free. Prints the figures; exits 0.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/stagelight-startup.XXXXXX)"
cold=""; [ "${1:-}" = "--cold" ] && cold=1
trap 'kill -- -$(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

git clone -q "$repo" "$work/clone"
cd "$work/clone"
[ -n "$cold" ] && export YARN_CACHE_FOLDER="$work/yarn-cache" YARN_ENABLE_GLOBAL_CACHE=false

t0=$(date +%s.%N)
( source scripts/toolchain.sh && scripts/ensure-prerequisites.sh moto && yarn install >/dev/null )
t_install=$(date +%s.%N)

setsid scripts/start.sh --skip-install > "$work/start.log" 2>&1 &
echo $! > "$work/pid"
t1=$(date +%s.%N)
until curl -sf -o /dev/null http://localhost:3000; do sleep 0.5; done
t_page=$(date +%s.%N)
token=$(until curl -sf http://localhost:7007/api/auth/demo/refresh -H 'x-requested-with: XMLHttpRequest' -H 'x-stagelight-persona: user:default/guest' 2>/dev/null; do sleep 1; done \
  | node -pe 'JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token')
until curl -sf -H "authorization: Bearer $token" \
  'http://localhost:7007/api/catalog/entities/by-query?filter=kind=system' | grep -q northside; do sleep 1; done
t_catalog=$(date +%s.%N)

backend_pid=$(ss -ltnpH 'sport = :7007' | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$backend_pid/status")

printf 'install (toolchain + yarn install%s): %.0f s\n' "${cold:+, cold cache}" "$(echo "$t_install - $t0" | bc)"
printf 'command 1 -> first page served on :3000: %.0f s\n' "$(echo "$t_page - $t1" | bc)"
printf 'command 1 -> demo clinics in the catalog: %.0f s\n' "$(echo "$t_catalog - $t1" | bc)"
printf 'backend RSS after start: %d MiB\n' $((rss_kb / 1024))
