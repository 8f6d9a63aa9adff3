#!/usr/bin/env bash
# Builds and packs every published package exactly as `npm publish` would
# upload it, checks the tarballs and prints their sizes.
#
# Usage: scripts/registry/pack.sh [--no-build]
#   --no-build  pack what dist/ holds now (skip `yarn tsc` and the package builds)
#   STAGELIGHT_REGISTRY_TARBALLS=<dir>  write the tarballs there instead
#               (default .tools/registry/tarballs; registry.sh reads the same variable)
#
# Published = every workspace whose package.json is not "private": true
# (scripts/registry/workspaces.js reads them; there is no list here).
# Each is packed with `yarn pack`, which runs its prepack/postpack scripts
# (backstage-cli package prepack: dist entry points, publishConfig, the config
# schema) and turns workspace:^ ranges into versions, into
#   .tools/registry/tarballs/<scope>-<name>-<version>.tgz
# The folder is emptied first, so a rerun leaves only this run's tarballs.
# Then scripts/registry/check-tarballs.js checks them (exit 1 naming each
# problem) and prints: package, version, packed size, unpacked size, files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../toolchain.sh
source "$ROOT/scripts/toolchain.sh"
cd "$ROOT"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "pack.sh: unknown argument $arg (usage: scripts/registry/pack.sh [--no-build])" >&2; exit 2 ;;
  esac
done

OUT="${STAGELIGHT_REGISTRY_TARBALLS:-$ROOT/.tools/registry/tarballs}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
started=$(date +%s)
phase_started=$started
timings=()
phase_done() {
  local now
  now=$(date +%s)
  timings+=("$1 $((now - phase_started)) s")
  phase_started=$now
}

mapfile -t published < <(node scripts/registry/workspaces.js)
if [ "${#published[@]}" -eq 0 ]; then
  echo "pack.sh: no published workspace (every package.json says \"private\": true)" >&2
  exit 1
fi

if [ "$build" = 1 ]; then
  echo "pack.sh: yarn tsc (declarations into dist-types/)" >&2
  yarn tsc
  phase_done tsc
  for line in "${published[@]}"; do
    IFS=$'\t' read -r name _version location <<<"$line"
    echo "pack.sh: building $name" >&2
    (cd "$location" && yarn backstage-cli package build) || {
      echo "pack.sh: building $name ($location) failed" >&2
      exit 1
    }
  done
  phase_done build
fi

# prepack rewrites package.json in place and postpack puts it back from
# package.json-prepack; if yarn pack dies between the two, put it back here so
# a failed run never leaves a production manifest in the working tree.
restore_manifest() {
  local location="$1"
  if [ -f "$location/package.json-prepack" ]; then
    mv "$location/package.json-prepack" "$location/package.json"
    echo "pack.sh: restored $location/package.json after a failed pack" >&2
  fi
}

rm -rf "$OUT"
mkdir -p "$OUT"
for line in "${published[@]}"; do
  IFS=$'\t' read -r name version location <<<"$line"
  tgz="$OUT/$(node -e 'process.stdout.write(require("./scripts/registry/workspaces").tarballName(process.argv[1], process.argv[2]))' "$name" "$version")"
  echo "pack.sh: packing $name@$version" >&2
  if ! (cd "$location" && yarn pack --out "$tgz" >/dev/null); then
    restore_manifest "$location"
    echo "pack.sh: yarn pack of $name ($location) failed; run it there to see why" >&2
    exit 1
  fi
  restore_manifest "$location"
done
phase_done pack

node scripts/registry/check-tarballs.js "$OUT"
phase_done check
echo "pack.sh: ${#published[@]} tarballs in ${OUT#"$ROOT"/} in $(($(date +%s) - started)) s ($(IFS=,; echo "${timings[*]}" | sed 's/,/, /g'))" >&2
