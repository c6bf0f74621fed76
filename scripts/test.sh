#!/usr/bin/env bash
# `make test`: every test of the project, on a fresh machine. Does its own set-up (JDK, Maven, MariaDB)
# and stops what it started. Extra arguments go to Maven (e.g. `scripts/test.sh -pl service`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

# A real kube-apiserver, etcd, kubectl and helm for the *IT tests (built once, cached under ~/.cache/runwright);
# exports KUBE_API_TEST_DIR and RUNWRIGHT_KUBECTL / RUNWRIGHT_HELM.
k8s_env=$(scripts/k8s-binaries.sh --env)
eval "$k8s_env"

state=target/mariadb
scripts/mariadb.sh start "$state"
trap 'scripts/mariadb.sh stop "$state"' EXIT
source "$state/env"
scripts/ensure-chromium.sh   # the service's /docs browser test

echo "==> building and testing with $(java -version 2>&1 | head -1)"
./mvnw verify "$@"
