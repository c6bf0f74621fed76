#!/usr/bin/env bash
# The operator benchmark (make bench-operator): compiles the operator and its test sources, then runs
# dev.runwright.operator.bench.OperatorBenchmark, which starts a kube-apiserver, the emulator and the
# operator in its own JVM. Report: operator/target/bench/results.md (+ ready.svg, rss.svg).
# Knobs: BENCH_SIZES (100,1000), BENCH_RATE_N (50), BENCH_STEADY_SECONDS (70), BENCH_CONCURRENCY (10).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
classpath_file="$PWD/operator/target/bench-classpath.txt"
./mvnw -q -pl operator -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
main_class="${BENCH_MAIN:-dev.runwright.operator.bench.OperatorBenchmark}"
exec java -cp "operator/target/test-classes:operator/target/classes:$(cat "$classpath_file")" \
  "$main_class" "${1:-operator/target/bench}"
