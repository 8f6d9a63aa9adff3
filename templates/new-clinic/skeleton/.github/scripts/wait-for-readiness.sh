#!/usr/bin/env bash
# Waits until the stage's API serves the deploy marker, asking the Stagelight
# portal's long-poll endpoint instead of polling the API every 30 s.
#   wait-for-readiness.sh <clinic> <stage> <marker>
# Needs STAGELIGHT_URL and STAGELIGHT_TOKEN; WAIT_ROUNDS (default 4) bounded waits
# of WAIT_SECONDS (default 300, at most the portal's readiness.maxWaitSeconds).
set -euo pipefail
clinic="$1" stage="$2" marker="$3"
rounds="${WAIT_ROUNDS:-4}" seconds="${WAIT_SECONDS:-300}"
url="${STAGELIGHT_URL%/}/api/stagelight/environments/${clinic}/${stage}/readiness?marker=${marker}&timeoutSeconds=${seconds}"
body="$(mktemp)"
for round in $(seq 1 "$rounds"); do
  # curl prints 000 when no HTTP answer came (connection refused, timeout).
  status="$(curl -sS -o "$body" -w '%{http_code}' --max-time $((seconds + 60)) \
    -H "Authorization: Bearer ${STAGELIGHT_TOKEN}" "$url")" || true
  case "$status" in
    200)
      outcome="$(node -p "JSON.parse(require('fs').readFileSync('$body','utf8')).outcome")"
      echo "round $round: $(cat "$body")"
      case "$outcome" in
        ready) echo "${clinic}/${stage} serves ${marker}"; exit 0 ;;
        asleep) echo "${clinic}/${stage} is asleep: wake it in Stagelight, then re-run this job" >&2; exit 1 ;;
      esac ;;
    404)
      # The portal has not inventoried a brand-new stage yet.
      echo "round $round: ${clinic}/${stage} not known to Stagelight yet"; sleep 30 ;;
    *)
      echo "round $round: HTTP $status: $(cat "$body")" >&2
      [ "$status" -ge 500 ] || [ "$status" = 000 ] || exit 1
      sleep 15 ;;
  esac
done
echo "${clinic}/${stage} did not serve ${marker} in time" >&2
exit 1
