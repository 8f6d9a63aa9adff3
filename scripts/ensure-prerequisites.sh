#!/usr/bin/env bash
# Installs what the portal and its tests need beyond Node and Yarn, when missing:
#   moto     moto_server, the local AWS (Python: pip install "moto[server]")
#   cfnlint  cfn-lint, which checks the synthesized CloudFormation templates
#   chromium a Chromium for the end-to-end tests (Debian's package)
#   verdaccio the local npm registry the published packages are tried from
#            (verdaccio 6.8.0 from the npm registry into .tools/verdaccio, with
#            npm; never a workspace dependency). Prints nothing else; the binary
#            is .tools/verdaccio/node_modules/.bin/verdaccio.
# Usage: scripts/ensure-prerequisites.sh moto [cfnlint] [chromium] [verdaccio]
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERDACCIO_VERSION=6.8.0

verdaccio_install() {
  local dir="$ROOT/.tools/verdaccio"
  local installed
  installed="$(node -p 'require(process.argv[1]).version' "$dir/node_modules/verdaccio/package.json" 2>/dev/null || true)"
  [ "$installed" = "$VERDACCIO_VERSION" ] && [ -x "$dir/node_modules/.bin/verdaccio" ] && return 0
  echo "Installing verdaccio $VERDACCIO_VERSION into .tools/verdaccio (npm)..." >&2
  # Node 22 and npm from the repo's toolchain, whatever the caller's shell had.
  # shellcheck source=toolchain.sh
  source "$ROOT/scripts/toolchain.sh"
  mkdir -p "$dir"
  # Its own package.json, outside the workspaces, so verdaccio and its
  # dependencies never reach the repo's yarn.lock. node-fetch is pinned to 2.7.0
  # because verdaccio-audit asks for node-fetch by its moving `cjs` dist-tag, so
  # the same verdaccio version would otherwise install a different node-fetch
  # whenever that tag moves.
  cat > "$dir/package.json" <<JSON
{
  "name": "stagelight-tools-verdaccio",
  "private": true,
  "description": "The local npm registry of scripts/registry/registry.sh; installed by scripts/ensure-prerequisites.sh verdaccio.",
  "dependencies": {
    "verdaccio": "$VERDACCIO_VERSION"
  },
  "overrides": {
    "node-fetch": "2.7.0"
  }
}
JSON
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || {
    echo "Installing verdaccio $VERDACCIO_VERSION failed (npm install in $dir); rerun with network access to the npm registry." >&2
    exit 1
  }
}

pip_install() {
  if have pip3; then pip3 install --quiet "$@" || pip3 install --quiet --user "$@"
  elif have pip; then pip install --quiet "$@" || pip install --quiet --user "$@"
  else echo "Python's pip is needed to install $*; install python3-pip and retry." >&2; exit 1
  fi
}

for need in "$@"; do
  case "$need" in
    moto)
      have moto_server || { echo "Installing moto_server (pip)..." >&2; pip_install "moto[server]"; }
      ;;
    cfnlint)
      have cfn-lint || { echo "Installing cfn-lint (pip)..." >&2; pip_install cfn-lint; }
      ;;
    chromium)
      if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then continue; fi
      if ! have chromium && ! have chromium-browser; then
        if have apt-get && [ "$(id -u)" = 0 ]; then
          echo "Installing Debian's chromium..." >&2
          apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        else
          echo "The end-to-end tests need Chromium: install it, or set CHROMIUM_PATH." >&2; exit 1
        fi
      fi
      ;;
    verdaccio)
      verdaccio_install
      ;;
    *) echo "unknown prerequisite $need" >&2; exit 2 ;;
  esac
done
