#!/usr/bin/env bash
# Measures the Stagelight frontend plugin's production weight (not a test): bundles
# each entry point (plugins/stagelight `.` and `/alpha`) minified for the browser with
# esbuild, leaving out what the app already ships for every plugin (React, Material UI,
# @backstage/*, @remixicon), and prints raw and gzip bytes. Shared code the plugin
# brings itself (e.g. @internal/plugin-stagelight-common) is counted.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh >/dev/null
out="$(mktemp -d /tmp/stagelight-bundle.XXXXXX)"
trap 'rm -rf "$out"' EXIT
for entry in index.ts alpha.tsx; do
  node_modules/.bin/esbuild "plugins/stagelight/src/$entry" --bundle --minify \
    --format=esm --platform=browser --target=es2022 --jsx=automatic \
    --external:react --external:react-dom --external:'react/*' \
    --external:'@backstage/*' --external:'@material-ui/*' --external:'@remixicon/*' \
    --external:'react-use' --external:'react-use/*' \
    --outfile="$out/$entry.js" --log-level=warning
  raw=$(stat -c %s "$out/$entry.js")
  gz=$(gzip -9 -c "$out/$entry.js" | wc -c)
  printf 'plugins/stagelight %-10s minified %7d B   gzip %6d B (%.1f KiB)\n' "$entry" "$raw" "$gz" "$(echo "$gz/1024" | bc -l)"
done
