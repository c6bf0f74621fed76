#!/usr/bin/env bash
# Runs `runwright validate` from the source tree: `bash scripts/validate.sh [options] FILE|DIR|- ...`
# (what `make validate FILES=...` calls). Builds the operator module quietly first; exit codes are
# validate's own: 0 valid, 1 invalid, 2 usage error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/java-env.sh >&2

classpath_file=operator/target/runwright-validate.classpath
# One reactor run: operator-api then operator; the last module (operator) writes the classpath.
./mvnw -q -B -pl operator -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$root/$classpath_file" -Dmdep.includeScope=runtime >&2

java_opts=()
# protobuf (used by the CEL library) calls sun.misc.Unsafe; JDK 24+ warns unless this is allowed.
if [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')" -ge 24 ]; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi
cd "${RUNWRIGHT_CALLER_DIR:-$root}"
exec "$JAVA_HOME/bin/java" "${java_opts[@]}" \
  -cp "$root/operator/target/classes:$(cat "$root/$classpath_file")" \
  dev.runwright.operator.cli.RunwrightCli validate "$@"
