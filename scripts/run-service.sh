#!/usr/bin/env bash
# `make run-service`: the JWT service alone (no Kubernetes, no emulator), against a throwaway local MariaDB.
# Builds the service, starts MariaDB under target/mariadb, runs `migrate`, then `serve`, prints the URL, and
# stops everything on Ctrl-C. `make run` runs the whole system instead (scripts/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

state=target/mariadb
run_dir=target/run
mkdir -p "$run_dir"

echo "==> building the service"
./mvnw -q -pl service -am -DskipTests package
./mvnw -q -pl service dependency:build-classpath -Dmdep.outputFile="$PWD/$run_dir/classpath.txt" \
  -Dmdep.includeScope=runtime
classpath="$PWD/service/target/classes:$(cat "$run_dir/classpath.txt")"

scripts/mariadb.sh start "$state"
service_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  scripts/mariadb.sh stop "$state"
}
trap cleanup EXIT INT TERM
source "$state/env"
mariadb --no-defaults -S "$RUNWRIGHT_DB_SOCKET" -u root -e 'CREATE DATABASE IF NOT EXISTS runwright'

java_cmd=(java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath"
  dev.runwright.service.Main)
key="$run_dir/jwt-signing-key.json"
[ -s "$key" ] || { "${java_cmd[@]}" generate-key >"$key"; chmod 600 "$key"; }

port="${PORT:-8080}"
export DATABASE_URL="mysql://$RUNWRIGHT_DB_ADMIN_USER:$RUNWRIGHT_DB_ADMIN_PASSWORD@/runwright?unix_socket=$RUNWRIGHT_DB_SOCKET"
export JWT_SIGNING_KEY_FILE="$key" JWT_ISSUER="http://127.0.0.1:$port" JWT_AUDIENCE=runwright PORT="$port"

echo "==> migrating"
"${java_cmd[@]}" migrate
echo "==> starting the service"
"${java_cmd[@]}" serve &
service_pid=$!
for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$service_pid" 2>/dev/null || { echo "error: the service exited; see the log above" >&2; exit 1; }
  sleep 0.2
done
cat <<MSG

  JWT service:  http://127.0.0.1:$port   (API docs: http://127.0.0.1:$port/docs)
  Try:          curl -s -XPOST http://127.0.0.1:$port/api/v1/auth/register \\
                  -H 'content-type: application/json' -d '{"username":"alice","password":"correct horse battery"}'
  Stop:         Ctrl-C

MSG
wait "$service_pid"
