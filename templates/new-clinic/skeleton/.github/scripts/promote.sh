#!/usr/bin/env bash
# After a successful deploy of <branch> at <sha>: open a pull request to the next
# stage's branch, or create that branch and deploy it when the stage has never
# been deployed. Uses the gh CLI with GH_TOKEN and GITHUB_REPOSITORY.
#   promote.sh <branch> <sha>
set -euo pipefail
from="$1" sha="$2"
next="$(node .github/scripts/stage.mjs next "$from" | sed -n 's/^branch=//p')"
if [ -z "$next" ]; then echo "$from is the last stage"; exit 0; fi

if ! gh api "repos/${GITHUB_REPOSITORY}/branches/${next}" >/dev/null 2>&1; then
  gh api -X POST "repos/${GITHUB_REPOSITORY}/git/refs" -f "ref=refs/heads/${next}" -f "sha=${sha}" >/dev/null
  # Pushes made with the workflow token start no workflow: dispatch the deploy.
  gh workflow run deploy.yml --ref "$next"
  echo "created ${next} at ${sha} and started its deploy"
  exit 0
fi
ahead="$(gh api "repos/${GITHUB_REPOSITORY}/compare/${next}...${sha}" --jq .ahead_by)"
if [ "$ahead" = 0 ]; then echo "${next} already has ${sha}"; exit 0; fi
open="$(gh pr list --base "$next" --head "$from" --state open --json number --jq length)"
if [ "$open" != 0 ]; then echo "a promotion pull request ${from} -> ${next} is already open"; exit 0; fi
gh pr create --base "$next" --head "$from" \
  --title "Promote ${from} to ${next}" \
  --body "Deployed and ready on \`${from}\` at ${sha}. Merging deploys it to \`${next}\`."
