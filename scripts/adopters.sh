#!/usr/bin/env bash
# The adopter proof (adopters/README.md): Backstage apps OUTSIDE this
# repository install @stagelight/* from a local registry by version, are
# checked for where every piece of Stagelight came from, type-checked, built,
# started against a fresh local AWS with the demo fleet, and tested in Chromium.
#
#   scripts/adopters.sh [--update-lockfile] [--keep] [--skip-pack] [fixture...]
#
#   fixture            folders of adopters/fixtures (default: all of them)
#   --update-lockfile  copy each app's resolved yarn.lock (without its
#                      @stagelight entries) back into its fixture
#   --keep             leave the temporary apps in place (their paths are printed)
#   --skip-pack        publish the tarballs already in .tools/registry/tarballs
#                      instead of building and packing the packages again
#
# Ports: the registry 4873, an app's backend 7107 (serving its built frontend),
# local AWS 4566/4567. One run at a time (/tmp/stagelight-adopters.lock); local
# AWS runs under /tmp/stagelight-e2e.lock, which the repo's own end-to-end
# tests hold for the same ports (STAGELIGHT_E2E_LOCK_HELD=1 when the caller
# holds it already). Busy ports are waited for, at most 10 minutes.
# Output: .tools/adopters/<fixture>/ (Playwright results and screenshots),
# .tools/adopters/timings.txt, and the app's logs in its temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
source scripts/toolchain.sh
scripts/ensure-prerequisites.sh moto chromium
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser)}"

UPDATE_LOCKFILE=0
KEEP=0
SKIP_PACK=0
FIXTURES=()
for arg in "$@"; do
  case "$arg" in
    --update-lockfile) UPDATE_LOCKFILE=1 ;;
    --keep) KEEP=1 ;;
    --skip-pack) SKIP_PACK=1 ;;
    -*) echo "Unknown option $arg (see the head of $0)" >&2; exit 2 ;;
    *) FIXTURES+=("$arg") ;;
  esac
done
if [ ${#FIXTURES[@]} -eq 0 ]; then
  for dir in adopters/fixtures/*/; do FIXTURES+=("$(basename "$dir")"); done
fi
for fixture in "${FIXTURES[@]}"; do
  [ -f "adopters/fixtures/$fixture/package.json" ] || {
    echo "No fixture adopters/fixtures/$fixture (have: $(ls adopters/fixtures | tr '\n' ' '))" >&2
    exit 2
  }
done

# One run at a time: a run restarts the registry, empties Yarn's cache of
# @stagelight archives and uses port 7107.
exec 8>/tmp/stagelight-adopters.lock
flock -n 8 || { echo "Another scripts/adopters.sh runs; waiting for it (/tmp/stagelight-adopters.lock)" >&2; flock 8; }

REGISTRY_URL=http://127.0.0.1:4873
TARBALLS="$REPO/.tools/registry/tarballs"
OUT="$REPO/.tools/adopters"
APP_URL=http://localhost:7107
mkdir -p "$OUT"

# ---- timing ---------------------------------------------------------------
TIMES=()
now() { date +%s.%N; }
# phase <fixture> <name> <command...>: runs the command, records its seconds.
phase() {
  local fixture="$1" name="$2" start rc=0
  shift 2
  echo "== [$fixture] $name"
  start=$(now)
  "$@" || rc=$?
  TIMES+=("$fixture|$name|$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')|$([ $rc -eq 0 ] && echo ok || echo FAILED)")
  return $rc
}
print_times() {
  {
    echo
    printf '%-22s %-26s %9s  %s\n' fixture phase seconds result
    for row in "${TIMES[@]}"; do
      IFS='|' read -r f p s r <<<"$row"
      printf '%-22s %-26s %9s  %s\n' "$f" "$p" "$s" "$r"
    done
  } | tee "$OUT/timings.txt"
}

# ---- processes this script starts (each its own process group) -----------
PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -- -"$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
cleanup() {
  local rc=$?
  stop_all
  [ -n "${REGISTRY_STOP:-}" ] && eval "$REGISTRY_STOP" >/dev/null 2>&1 || true
  print_times
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
# Waits (at most 10 minutes) until nothing listens on the ports: another
# helper's app or local AWS may be finishing.
ports_free() {
  local port deadline=$(($(date +%s) + 600)) said=""
  for port in "$@"; do
    until port_free "$port"; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "Port $port is still in use after 10 minutes: stop what listens there (the portal, local AWS, an adopter app)." >&2
        return 1
      fi
      [ "$said" = "$port" ] || { echo "  port $port is in use; waiting for it to be free" >&2; said=$port; }
      sleep 2
    done
  done
}

# wait_for <seconds> <pid or ""> <log> <description> <test command...>
wait_for() {
  local seconds="$1" pid="$2" log="$3" what="$4" deadline
  shift 4
  deadline=$(($(date +%s) + seconds))
  until "$@"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "$what: the process exited; last lines of $log:" >&2
      tail -40 "$log" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "$what: not within ${seconds}s; last lines of $log:" >&2
      tail -40 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
}

# ---- the registry -----------------------------------------------------------
# scripts/registry/ (pack.sh and the verdaccio script) builds and packs every
# published package and serves exactly those tarballs; REGISTRY_LOG is its
# request log, which the provenance check reads for each download.
REGISTRY_LOG="$REPO/.tools/registry/verdaccio.log"
registry_up() {
  if [ "$SKIP_PACK" = 0 ]; then
    scripts/registry/pack.sh
  fi
  # Starts verdaccio with empty storage and publishes every tarball with
  # `npm publish`, then checks each served shasum against the local tarball.
  scripts/registry/registry.sh start
  REGISTRY_STOP="scripts/registry/registry.sh stop"
}

# ---- one fixture -------------------------------------------------------------
install_app() {
  local app="$1"
  # A stale cached build must never be used: yarn names cache archives by
  # package and version only, and every build republishes the same version.
  rm -f "$HOME"/.yarn/berry/cache/@stagelight-*
  find "$HOME/.yarn/berry/metadata" -path '*@stagelight*' -delete 2>/dev/null || true
  REGISTRY_LOG_OFFSET=$(stat -c %s "$REGISTRY_LOG")
  (cd "$app" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn install) > "$LOGS/install.log" 2>&1 || {
    grep -E 'YN0001|YN0018|YN0035|YN0082|Error' "$LOGS/install.log" | head -20 >&2
    echo "yarn install failed in $app: see $LOGS/install.log" >&2
    return 1
  }
}

check_provenance() {
  local app="$1"
  node adopters/lib/provenance.mjs --app "$app" --tarballs "$TARBALLS" --repo "$REPO" \
    --registry-log "$REGISTRY_LOG" --registry-log-offset "$REGISTRY_LOG_OFFSET"
}

update_lockfile() {
  local app="$1" fixture="$2"
  cp "$app/yarn.lock" "adopters/fixtures/$fixture/yarn.lock"
  node adopters/lib/prepare.mjs --strip-lockfile "adopters/fixtures/$fixture/yarn.lock"
}

# The backend must refuse to start without stagelight.aws.targets, naming the
# key. Backstage's backend does not exit when a plugin fails to start: it logs
# a BackendStartupError (its unhandled-rejection handler) and keeps serving
# 503 on readiness. So this waits for that error (or an exit), then asserts it
# names the key, that readiness never said ready, and that an exit is non-zero.
check_required_targets() {
  local app="$1" log="$LOGS/backend-no-targets.log" pid rc=0 exited=0
  node -e '
    const { parse, stringify } = require(process.argv[1]);
    const fs = require("fs");
    const doc = parse(fs.readFileSync(process.argv[2], "utf8"));
    if (!doc?.stagelight?.aws?.targets) throw new Error(`${process.argv[2]} has no stagelight.aws.targets to remove`);
    delete doc.stagelight.aws.targets;
    fs.writeFileSync(process.argv[3], stringify(doc));
  ' "$REPO/node_modules/yaml" "$app/app-config.yaml" "$app/app-config.no-targets.yaml" || return 1
  ports_free 7107 || return 1
  (cd "$app/packages/backend" && NODE_ENV=production exec setsid node . --config ../../app-config.no-targets.yaml) > "$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_for 180 "" "$log" "backend without stagelight.aws.targets" \
    bash -c "! kill -0 $pid 2>/dev/null || grep -q 'Backend startup failed' '$log' || curl -sf -o /dev/null $APP_URL/.backstage/health/v1/readiness" || return 1
  if curl -sf -o /dev/null "$APP_URL/.backstage/health/v1/readiness"; then
    echo "The backend started (readiness 200) without stagelight.aws.targets; see $log" >&2
    return 1
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    exited=1
    wait "$pid" || rc=$?
  fi
  stop_all
  if [ "$exited" = 1 ] && [ "$rc" -eq 0 ]; then
    echo "The backend exited 0 without stagelight.aws.targets; see $log" >&2
    return 1
  fi
  if ! grep -q "stagelight\.aws\.targets" "$log"; then
    echo "The backend failed without stagelight.aws.targets but did not name the key; see $log:" >&2
    tail -20 "$log" >&2
    return 1
  fi
  echo "  ok $([ "$exited" = 1 ] && echo "exited $rc" || echo "did not start (readiness 503, BackendStartupError)"): $(grep -o "Missing required config value at 'stagelight\.aws\.targets'[^.]*" "$log" | head -1)"
}

# `backstage-cli package build` of a backend writes only the deployment
# bundle (dist/bundle.tar.gz, for a Dockerfile); its packages/backend/dist is
# the built backend, which runs here on the app's installed node_modules, as
# `node packages/backend` does in the image.
build_backend() {
  local app="$1"
  (cd "$app/packages/backend" && yarn build --skip-build-dependencies) > "$LOGS/build-backend.log" 2>&1 || {
    tail -40 "$LOGS/build-backend.log" >&2
    return 1
  }
  tar -xzf "$app/packages/backend/dist/bundle.tar.gz" -C "$app/packages/backend/dist" \
    --strip-components=3 packages/backend/dist/
  [ -f "$app/packages/backend/dist/index.cjs.js" ] || {
    echo "The backend bundle has no packages/backend/dist/index.cjs.js" >&2
    return 1
  }
}

start_local_aws() {
  local app="$1" log="$LOGS/local-aws.log" port
  ports_free 4566 4567 7107 || return 1
  (exec setsid yarn local-aws up --config "$app/app-config.yaml") > "$log" 2>&1 &
  PIDS+=("$!")
  wait_for 240 "$!" "$log" "local AWS" grep -q '\[local-aws\] ready' "$log"
}

start_backend() {
  local app="$1" log="$LOGS/backend.log"
  (cd "$app/packages/backend" && NODE_ENV=production exec setsid node . --config ../../app-config.yaml) > "$log" 2>&1 &
  PIDS+=("$!")
  wait_for 300 "$!" "$log" "the app's backend" curl -sf -o /dev/null "$APP_URL/.backstage/health/v1/readiness" || return 1
  # The backend serves the built frontend at its root.
  curl -sf "$APP_URL/" | grep -q '<div id="root">' || {
    echo "$APP_URL/ does not serve the built app" >&2
    return 1
  }
}

run_specs() {
  local fixture="$1"
  rm -rf "$OUT/$fixture"
  ADOPTER_FIXTURE="$fixture" ADOPTER_OUTPUT="$OUT/$fixture" ADOPTER_URL="$APP_URL" \
    yarn playwright test -c adopters/playwright.config.ts
}

run_fixture() {
  local fixture="$1" app
  app="$(mktemp -d "/tmp/stagelight-adopter-$fixture.XXXXXX")"
  echo "== [$fixture] app at $app"
  # The script's logs go beside the Playwright results, not into the app: they
  # are not the app's files (and name this repository's toolchain paths).
  LOGS="$OUT/$fixture"
  mkdir -p "$LOGS"
  rm -f "$LOGS"/*.log
  cp -r "adopters/fixtures/$fixture/." "$app/"
  rm -rf "$app/node_modules" "$app"/packages/*/node_modules "$app"/packages/*/dist
  node adopters/lib/prepare.mjs "$app" "$TARBALLS"
  cat > "$app/.yarnrc.yml" <<EOF
yarnPath: $REPO/$(sed -n 's/^yarnPath: //p' .yarnrc.yml)
nodeLinker: node-modules
enableTelemetry: false
# @stagelight/* from the local registry, everything else from the usual one.
npmScopes:
  stagelight:
    npmRegistryServer: "$REGISTRY_URL"
unsafeHttpWhitelist:
  - 127.0.0.1
# Packages must be 3 days old, as in the Stagelight repository, except ours:
# they were published a moment ago.
npmMinimalAgeGate: 3d
npmPreapprovedPackages:
  - '@backstage/*'
  - '@stagelight/*'
EOF
  [ -f "$app/yarn.lock" ] || touch "$app/yarn.lock"

  phase "$fixture" install install_app "$app"
  phase "$fixture" provenance check_provenance "$app"
  if [ "$UPDATE_LOCKFILE" = 1 ]; then update_lockfile "$app" "$fixture"; fi
  phase "$fixture" tsc bash -c "cd '$app' && yarn tsc"
  phase "$fixture" "build app" bash -c "cd '$app/packages/app' && yarn build > '$LOGS/build-app.log' 2>&1 || { tail -40 '$LOGS/build-app.log'; exit 1; }"
  phase "$fixture" "build backend" build_backend "$app"
  phase "$fixture" "no targets: refused" check_required_targets "$app"

  # Local AWS on 4566/4567: one at a time across this script and the repo's e2e.
  # STAGELIGHT_E2E_LOCK_HELD=1: the caller holds it already (flock ... scripts/adopters.sh).
  if [ "${STAGELIGHT_E2E_LOCK_HELD:-0}" != 1 ]; then
    exec 9>/tmp/stagelight-e2e.lock
    if ! flock -n 9; then
      echo "== [$fixture] waiting for /tmp/stagelight-e2e.lock (ports 4566, 4567: the repo's e2e tests run)"
      flock -w 3600 9 || { echo "Could not take /tmp/stagelight-e2e.lock within an hour" >&2; return 1; }
    fi
  fi
  phase "$fixture" "local AWS up" start_local_aws "$app"
  phase "$fixture" "start backend" start_backend "$app"
  phase "$fixture" "playwright" run_specs "$fixture"
  stop_all
  if [ "${STAGELIGHT_E2E_LOCK_HELD:-0}" != 1 ]; then exec 9>&-; fi

  if [ "$KEEP" = 1 ]; then echo "== [$fixture] kept $app"; else rm -rf "$app"; fi
}

# The check that decides the proof must itself fail where it should.
phase checks "provenance self-test" bash -c 'node --test adopters/lib/*.test.mjs > "$0/provenance-test.log" 2>&1 || { cat "$0/provenance-test.log"; exit 1; }' "$OUT"
phase registry "pack + publish" registry_up
for fixture in "${FIXTURES[@]}"; do
  run_fixture "$fixture"
done
echo "Adopter proof passed: ${FIXTURES[*]}"
