#!/usr/bin/env bash
# Assembles the Helm chart (helm/runwright + the generated crds/*.yml) into helm/target/chart/runwright with
# Maven, lints it and packages it into helm/target/runwright-<version>.tgz. Uses `helm` from PATH, else the
# one scripts/k8s-binaries.sh built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
./mvnw -q -pl helm generate-resources
helm_bin=$(command -v helm || true)
if [[ -z "$helm_bin" ]]; then
  helm_bin=$(ls -d "${KUBE_API_TEST_DIR:-$HOME/.cache/runwright}"/k8s/*-linux-amd64/helm 2>/dev/null | sort -V | tail -1 || true)
fi
if [[ -z "$helm_bin" ]]; then
  echo "error: no helm on PATH and none built by scripts/k8s-binaries.sh (make k8s-binaries)" >&2
  exit 1
fi
"$helm_bin" lint --strict helm/target/chart/runwright
"$helm_bin" package helm/target/chart/runwright --destination helm/target
