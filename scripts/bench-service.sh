#!/usr/bin/env bash
# `make bench-service`: the JWT service benchmark (a program, not a test). Builds the service, starts the
# throwaway MariaDB, migrates a fresh database, and runs service/src/bench/java/ServiceBenchmark.java, which
# measures start-up (plain, tuned, JDK 25 AOT cache) against a bare Helidon server, throughput and latency
# with wrk, login throughput and a 1,000-connection run. Report: service/target/bench/results.md.
# Knobs: BENCH_RUNS (5), BENCH_SECONDS (10), BENCH_SOAK_SECONDS (60).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

command -v wrk >/dev/null 2>&1 || {
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "error: wrk is not installed (Debian package wrk)" >&2; exit 1; fi
}
ulimit -n 65536 2>/dev/null || true

bench=service/target/bench
echo "==> building the service" >&2
./mvnw -q -pl service -am -DskipTests package
rm -rf "$bench/libs" && mkdir -p "$bench/libs" "$bench/hello-classes"
./mvnw -q -pl service dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$bench/libs"
# Jars only: the JDK's AOT cache refuses class directories on the classpath.
service_cp="$PWD/service/target/runwright-service-0.1.0-SNAPSHOT.jar$(printf ':%s' "$PWD/$bench"/libs/*.jar)"
hello_libs=$(printf ':%s' "$PWD/$bench"/libs/helidon-*.jar)
javac -q -d "$bench/hello-classes" -cp "${hello_libs#:}" service/src/bench/java/HelloServer.java 2>/dev/null ||
  javac -d "$bench/hello-classes" -cp "${hello_libs#:}" service/src/bench/java/HelloServer.java
jar --create --file "$bench/hello.jar" -C "$bench/hello-classes" .
hello_cp="$PWD/$bench/hello.jar$hello_libs"

state=target/mariadb
scripts/mariadb.sh start "$state"
trap 'scripts/mariadb.sh stop "$state"' EXIT
source "$state/env"
db="bench_$(date +%s)"
mariadb --no-defaults -S "$RUNWRIGHT_DB_SOCKET" -u root -e "CREATE DATABASE $db"
export DATABASE_URL="mysql://$RUNWRIGHT_DB_ADMIN_USER:$RUNWRIGHT_DB_ADMIN_PASSWORD@/$db?unix_socket=$RUNWRIGHT_DB_SOCKET"
export JWT_SIGNING_KEY="$(java -cp "$service_cp" dev.runwright.service.Main generate-key)"
export JWT_ISSUER=http://bench JWT_AUDIENCE=bench LOG_LEVEL=WARNING
java --enable-native-access=ALL-UNNAMED -cp "$service_cp" dev.runwright.service.Main migrate >/dev/null
java service/src/bench/java/ServiceBenchmark.java "$service_cp" "$hello_cp" "$PWD/$bench"
mariadb --no-defaults -S "$RUNWRIGHT_DB_SOCKET" -u root -e "DROP DATABASE $db"
