#!/usr/bin/env bash
# A local npm registry (verdaccio 6.8.0) serving the packed @stagelight/*
# packages, for trying them in apps outside the workspace.
#
# Usage: scripts/registry/registry.sh <command>
#   start    stop any registry this script started, start verdaccio with an
#            empty storage, publish every tarball of .tools/registry/tarballs
#            (scripts/registry/pack.sh makes them), verify each with npm view,
#            and leave verdaccio running in the background
#   start --empty   the same without publishing anything
#   publish  publish the tarballs into the running registry (skips versions it
#            already serves) and verify them
#   verify   npm view every published package@version and compare the served
#            tarball's shasum with the local one
#   stop     stop the registry this script started (by its pid file)
#   status   say whether it runs, and where
#   url      print the registry URL
#
# Environment:
#   STAGELIGHT_REGISTRY_PORT    port on 127.0.0.1 (default 4873)
#   STAGELIGHT_REGISTRY_DIR     its config, storage, pid and log (default
#                               .tools/registry); a second registry needs its own
#                               port and folder
#   STAGELIGHT_REGISTRY_TARBALLS the tarballs to publish (default
#                               .tools/registry/tarballs, where pack.sh writes)
#   STAGELIGHT_REGISTRY_UPLINK  npmjs (default): every other package is proxied
#                               from https://registry.npmjs.org/, so an app can
#                               use this registry for everything; none: serve
#                               only what was published here
#
# @stagelight/* never has an uplink: only what we publish is served under it.
# Publishing is anonymous (npm still wants a token, so a throwaway npmrc with
# a dummy one is used; verdaccio treats the request as anonymous).
# Files: .tools/registry/{config.yaml,storage/,verdaccio.pid,verdaccio.log,npmrc}
# An app points at it with `npm_config_registry=$(scripts/registry/registry.sh url)`,
# or only the scope: `@stagelight:registry=<url>` (npm) / npmScopes (yarn).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../toolchain.sh
source "$ROOT/scripts/toolchain.sh"
cd "$ROOT"

PORT="${STAGELIGHT_REGISTRY_PORT:-4873}"
UPLINK="${STAGELIGHT_REGISTRY_UPLINK:-npmjs}"
URL="http://127.0.0.1:$PORT/"
DIR="${STAGELIGHT_REGISTRY_DIR:-$ROOT/.tools/registry}"
case "$DIR" in /*) ;; *) DIR="$ROOT/$DIR" ;; esac
TARBALLS="${STAGELIGHT_REGISTRY_TARBALLS:-$ROOT/.tools/registry/tarballs}"
case "$TARBALLS" in /*) ;; *) TARBALLS="$ROOT/$TARBALLS" ;; esac
STORAGE="$DIR/storage"
CONFIG="$DIR/config.yaml"
PIDFILE="$DIR/verdaccio.pid"
LOG="$DIR/verdaccio.log"
NPMRC="$DIR/npmrc"
VERDACCIO="$ROOT/.tools/verdaccio/node_modules/verdaccio/bin/verdaccio"

say() { echo "registry.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# The comment block at the top of this file.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

# The pid of the verdaccio this script started, if it still runs.
running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  # Only ever our verdaccio: a recycled pid belongs to someone else. verdaccio
  # rewrites its process title, so it is recognised by the variable it was
  # started with rather than by its command line.
  { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "STAGELIGHT_REGISTRY_DIR=$DIR" || return 1
  echo "$pid"
}

ping_ok() { curl -fs -o /dev/null --max-time 2 "${URL}-/ping" 2>/dev/null; }

write_config() {
  local uplinks proxy
  case "$UPLINK" in
    npmjs)
      uplinks=$'uplinks:\n  npmjs:\n    url: https://registry.npmjs.org/\n    timeout: 60s\n    maxage: 30m'
      proxy='    proxy: npmjs'
      ;;
    none) uplinks='uplinks: {}'; proxy='' ;;
    *) die "STAGELIGHT_REGISTRY_UPLINK must be npmjs or none, not '$UPLINK'" ;;
  esac
  cat >"$CONFIG" <<YAML
# Written by scripts/registry/registry.sh on every start; edits are lost.
storage: $STORAGE
auth:
  htpasswd:
    file: $DIR/htpasswd
    # nobody registers: publishing is anonymous, for @stagelight/* only
    max_users: -1
$uplinks
packages:
  '@stagelight/*':
    # no proxy: nothing but what scripts/registry/registry.sh publishes
    access: \$all
    publish: \$all
    unpublish: \$all
  '**':
    access: \$all
$proxy
server:
  keepAliveTimeout: 60
web:
  enable: false
log:
  type: stdout
  format: pretty
  level: http
YAML
}

start() {
  [ -x "$VERDACCIO" ] || bash "$ROOT/scripts/ensure-prerequisites.sh" verdaccio
  [ -x "$VERDACCIO" ] || die "verdaccio is not installed at ${VERDACCIO#"$ROOT"/}"
  stop_quiet
  if ping_ok; then
    die "something else already answers on $URL (not started by this script; see $PIDFILE); stop it or set STAGELIGHT_REGISTRY_PORT"
  fi
  mkdir -p "$DIR"
  rm -rf "$STORAGE" "$DIR/htpasswd"
  mkdir -p "$STORAGE"
  write_config
  : >"$LOG"
  # setsid + nohup: the registry outlives the shell that started it.
  STAGELIGHT_REGISTRY_DIR="$DIR" setsid nohup node "$VERDACCIO" --config "$CONFIG" --listen "127.0.0.1:$PORT" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  local pid deadline
  pid="$(cat "$PIDFILE")"
  deadline=$(($(date +%s) + 60))
  until ping_ok; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      rm -f "$PIDFILE"
      die "verdaccio exited before answering on $URL (log above, ${LOG#"$ROOT"/})"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 30 "$LOG" >&2 || true
      die "verdaccio (pid $pid) did not answer on $URL within 60 s (log above)"
    fi
    sleep 0.2
  done
  say "verdaccio $(node -p 'require(process.argv[1]).version' "$ROOT/.tools/verdaccio/node_modules/verdaccio/package.json") runs on $URL (pid $pid, uplink: $UPLINK, log ${LOG#"$ROOT"/})"
}

stop_quiet() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid"
    local deadline=$(($(date +%s) + 20))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
    say "stopped verdaccio (pid $pid)"
  fi
  rm -f "$PIDFILE"
}

# A throwaway npmrc: npm publish refuses to run without a token for the
# registry, and verdaccio takes this unverifiable one as anonymous.
write_npmrc() {
  cat >"$NPMRC" <<RC
registry=$URL
//127.0.0.1:$PORT/:_authToken=stagelight-local-anonymous
RC
}

npm_local() { npm --userconfig "$NPMRC" --registry "$URL" "$@"; }

# name<TAB>version<TAB>folder of every published workspace
published() { node scripts/registry/workspaces.js; }

tarball_of() {
  node -e 'process.stdout.write(require("./scripts/registry/workspaces").tarballName(process.argv[1], process.argv[2]))' "$1" "$2"
}

publish() {
  running_pid >/dev/null && ping_ok || die "no registry runs on $URL; run: scripts/registry/registry.sh start"
  write_npmrc
  local name version _loc tgz served count=0
  while IFS=$'\t' read -r name version _loc; do
    tgz="$TARBALLS/$(tarball_of "$name" "$version")"
    [ -f "$tgz" ] || die "no tarball for $name@$version at ${tgz#"$ROOT"/}; run scripts/registry/pack.sh first"
    served="$(npm_local view "$name@$version" version 2>/dev/null || true)"
    if [ "$served" = "$version" ]; then
      say "$name@$version is already served; not republished"
      continue
    fi
    npm_local publish "$tgz" --access public --tag latest --loglevel=error >/dev/null ||
      die "npm publish of ${tgz#"$ROOT"/} to $URL failed (registry log: ${LOG#"$ROOT"/})"
    count=$((count + 1))
  done < <(published)
  say "published $count package(s) to $URL"
  verify
}

verify() {
  running_pid >/dev/null && ping_ok || die "no registry runs on $URL; run: scripts/registry/registry.sh start"
  write_npmrc
  local name version _loc tgz json failures=0
  printf '%-74s  %-8s  %s\n' package version "served tarball" >&2
  while IFS=$'\t' read -r name version _loc; do
    tgz="$TARBALLS/$(tarball_of "$name" "$version")"
    if ! json="$(npm_local view "$name@$version" --json 2>&1)"; then
      say "✗ $name@$version is not served: $(echo "$json" | head -n 3)"
      failures=$((failures + 1))
      continue
    fi
    if ! node -e '
      const [json, version, tgz] = process.argv.slice(1);
      const meta = JSON.parse(json);
      const sha1 = require("crypto").createHash("sha1").update(require("fs").readFileSync(tgz)).digest("hex");
      const problems = [];
      if (meta.version !== version) problems.push(`version ${meta.version}, expected ${version}`);
      if (meta.dist?.shasum !== sha1) problems.push(`shasum ${meta.dist?.shasum} differs from the local tarball (${sha1})`);
      if (meta.license !== "Apache-2.0") problems.push(`license ${meta.license}`);
      if (problems.length) { console.error(problems.join("; ")); process.exit(1); }
      console.error(`${meta.name.padEnd(74)}  ${meta.version.padEnd(8)}  ${meta.dist.tarball}`);
    ' "$json" "$version" "$tgz"; then
      say "✗ $name@$version is served, but not as packed (above)"
      failures=$((failures + 1))
    fi
  done < <(published)
  [ "$failures" -eq 0 ] || die "$failures package(s) not served as packed"
  say "every published package is served by $URL as packed"
}

status() {
  local pid
  if pid="$(running_pid)" && ping_ok; then
    say "runs on $URL (pid $pid, config ${CONFIG#"$ROOT"/}, log ${LOG#"$ROOT"/})"
  else
    say "not running (start it: scripts/registry/registry.sh start)"
    return 1
  fi
}

case "${1:-}" in
  start)
    case "${2:-}" in
      --empty) start ;;
      '') start; publish ;;
      *) usage >&2; exit 2 ;;
    esac
    ;;
  publish) publish ;;
  verify) verify ;;
  stop) stop_quiet ;;
  status) status ;;
  url) echo "$URL" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
