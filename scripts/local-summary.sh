#!/usr/bin/env bash
# One screen of what exists in the emulated Google project, like the matching `gcloud ... list` commands:
#   scripts/local-summary.sh EMULATOR_URL PROJECT [REGION...]   (regions default to asia-east1)
# Used by `make run` once the seed is Ready; runs any time against a running emulator.
set -euo pipefail
emulator=$1 project=$2
shift 2

[[ $# -gt 0 ]] && regions=("$@") || regions=(asia-east1)
get() { curl -fs "$emulator$1" || echo '{}'; }
short() { sed 's|.*/||'; }

echo
echo "Emulated Google project '$project' ($emulator)"
echo "  Cloud SQL instances:"
get "/v1/projects/$project/instances" | jq -r '.items[]? | "    \(.name)  \(.databaseVersion)  \(.settings.tier)  \(.region)  \(.state)  \(.connectionName)"'
for instance in $(get "/v1/projects/$project/instances" | jq -r '.items[]?.name'); do
  echo "    $instance databases: $(get "/v1/projects/$project/instances/$instance/databases" | jq -r '[.items[]?.name] | join(", ")')"
  echo "    $instance users:     $(get "/v1/projects/$project/instances/$instance/users" | jq -r '[.items[]? | "\(.name)@\(.host // "%")"] | join(", ")')"
done
echo "  Secret Manager secrets (versions):"
for secret in $(get "/v1/projects/$project/secrets" | jq -r '.secrets[]?.name' | short); do
  echo "    $secret: $(get "/v1/projects/$project/secrets/$secret/versions" | jq -r '[.versions[]? | "\(.name | sub(".*/"; "")) \(.state)"] | join(", ")')"
done
for region in "${regions[@]}"; do
  base=/v2/projects/$project/locations/$region
  echo "  Cloud Run jobs and executions ($region):"
  for job in $(get "$base/jobs" | jq -r '.jobs[]?.name' | short); do
    echo "    job $job"
    get "$base/jobs/$job/executions" | jq -r '.executions[]? |
      "      \(.name | sub(".*/"; ""))  succeeded=\(.succeededCount // 0) failed=\(.failedCount // 0)  \((.conditions // [] | map(select(.type == "Completed")) | first | .state) // "")"'
  done
  echo "  Cloud Run services, revisions and traffic ($region):"
  for service in $(get "$base/services" | jq -r '.services[]?.name' | short); do
    get "$base/services/$service" | jq -r '"    service \(.name | sub(".*/"; ""))  \(.uri // "(no URL yet)")",
      (.trafficStatuses[]? | "      traffic \(.percent // 0)% -> \(.revision // "latest")\(if .tag then "  tag \(.tag) \(.uri // "")" else "" end)")'
    get "$base/services/$service/revisions" | jq -r '.revisions[]? |
      "      revision \(.name | sub(".*/"; ""))  \(.containers[0].image)  ready=\((.conditions // [] | map(select(.type == "Ready")) | first | .state) // "?")"'
  done
done
