#!/usr/bin/env bash
# Measures the Stagelight frontend plugin's production weight (not a test): bundles
# each entry point (plugins/stagelight `.` and `/alpha`) minified for the browser with
# esbuild, leaving out what the app already ships for every plugin (React, Material UI,
# @backstage/*, @remixicon), and prints raw and gzip bytes. Shared code the plugin
# brings itself (e.g. @internal/plugin-stagelight-common) is counted. `--app` also
# builds the portal for production and lists the chunks Stagelight ends up in.
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

# With --app: the production build of the portal's app, and the lazy chunks that
# carry Stagelight's pages and entity content (found by the plugin's own texts).
if [ "${1:-}" = "--app" ]; then
  yarn workspace app build >/dev/null
  total=0
  for f in packages/app/dist/static/*.chunk.js; do
    if grep -q "Bulk wake and sleep\|Month to date by stage\|Lease and schedule\|Audit trail of the fleet\|stagelight:operation" "$f"; then
      gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
      printf 'app build: %-40s gzip %6d B\n' "$(basename "$f")" "$gz"
    fi
  done
  printf 'app build: Stagelight lazy chunks together gzip %d B (%.1f KiB)\n' "$total" "$(echo "$total/1024" | bc -l)"
fi
