#!/usr/bin/env bash
# Measures the Stagelight frontend plugin's production weight (not a test): bundles
# each entry point (plugins/stagelight `.` and `/alpha`) minified for the browser with
# esbuild, code-split, leaving out what the app already ships for every plugin
# (React, Material UI, @backstage/*, @remixicon), and prints gzip bytes of the
# plugin's own chunks and of the chunks that carry its chart library (recharts,
# loaded only when a chart is drawn). Shared code the plugin brings itself (e.g.
# @stagelight/backstage-plugin-stagelight-common) is counted. `--app` also builds the portal for
# production and lists the chunks Stagelight ends up in.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh >/dev/null
out="$(mktemp -d /tmp/stagelight-bundle.XXXXXX)"
trap 'rm -rf "$out"' EXIT
# Code-split as the app's bundler does (the plugin's pages and entity content
# are lazy already): the plugin's own code, and the chunks with the chart
# library, which load only when a chart is drawn (behind React.lazy).
for entry in index.ts alpha.tsx; do
  dir="$out/${entry%.*}"
  node_modules/.bin/esbuild "plugins/stagelight/src/$entry" --bundle --minify --splitting \
    --format=esm --platform=browser --target=es2022 --jsx=automatic \
    --external:react --external:react-dom --external:'react/*' \
    --external:'@backstage/*' --external:'@material-ui/*' --external:'@remixicon/*' \
    --external:'react-use' --external:'react-use/*' \
    --outdir="$dir" --metafile="$dir.meta.json" --log-level=warning
  node -e '
    const fs = require("fs"), zlib = require("zlib"), path = require("path");
    const [dir, metaFile, entry] = process.argv.slice(1);
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
    const gz = f => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
    const outputs = meta.outputs;
    // The chunks that carry the chart library are loaded only when a chart is drawn.
    const isChart = o => Object.keys(outputs[o].inputs).some(i => i.includes("node_modules/recharts"));
    let eager = 0, lazy = 0;
    for (const o of Object.keys(outputs)) {
      if (!o.endsWith(".js")) continue;
      if (isChart(o)) lazy += gz(o); else eager += gz(o);
    }
    const kib = n => (n / 1024).toFixed(1);
    console.log(`plugins/stagelight ${entry.padEnd(10)} plugin code gzip ${String(eager).padStart(7)} B (${kib(eager)} KiB)   charts, loaded when drawn: gzip ${String(lazy).padStart(7)} B (${kib(lazy)} KiB)`);
  ' "$dir" "$dir.meta.json" "$entry"
done

# With --app: the production build of the portal's app, and the lazy chunks that
# carry Stagelight's pages and entity content (found by the plugin's own texts).
if [ "${1:-}" = "--app" ]; then
  yarn workspace app build >/dev/null
  total=0
  for f in packages/app/dist/static/*.chunk.js; do
    if grep -q "Bulk wake and sleep\|Power timeline of\|Month to date by stage\|Lease and schedule\|Audit trail of the fleet\|stagelight:operation" "$f"; then
      gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
      printf 'app build: %-40s gzip %6d B\n' "$(basename "$f")" "$gz"
    fi
  done
  printf 'app build: Stagelight lazy chunks together gzip %d B (%.1f KiB)\n' "$total" "$(echo "$total/1024" | bc -l)"
fi
