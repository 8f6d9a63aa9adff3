#!/usr/bin/env bash
# Installs what the portal and its tests need beyond Node and Yarn, when missing:
#   moto     moto_server, the local AWS (Python: pip install "moto[server]")
#   cfnlint  cfn-lint, which checks the synthesized CloudFormation templates
#   chromium a Chromium for the end-to-end tests (Debian's package)
# Usage: scripts/ensure-prerequisites.sh moto [cfnlint] [chromium]
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

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
    *) echo "unknown prerequisite $need" >&2; exit 2 ;;
  esac
done
