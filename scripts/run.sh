#!/usr/bin/env bash
# `make run`: the whole system on this machine, as plain local processes bound to 127.0.0.1:
#   etcd + kube-apiserver (binaries from scripts/k8s-binaries.sh), a MariaDB (scripts/mariadb.sh) behind the
#   emulated Cloud SQL, the Google API emulator in local-runtime mode (Cloud Run revisions and jobs run the
#   service's Jib image tarball as local processes), and the operator (RunwrightCli run) pointed at both.
# It installs the CRDs, creates the JWT signing key in the emulated Secret Manager, applies examples/seed,
# shows each resource's conditions as they change, then prints the service URL, a KUBECONFIG and curl
# commands. Ctrl-C (or SIGTERM) stops every process it started (each runs in its own process group).
#
# State: everything under one directory, $RUNWRIGHT_LOCAL_DIR (default target/local): certificates, etcd data,
# emulator state and runtime work, MariaDB, logs. A second run reuses it; `make clean` removes it.
#
# Environment (all optional):
#   RUNWRIGHT_LOCAL_DIR               state directory (default target/local)
#   RUNWRIGHT_LOCAL_PORT_BASE         ports used: BASE+0 kube-apiserver, +1 etcd, +2 etcd peer, +3 emulator,
#                                     +4 operator management (default 17440)
#   RUNWRIGHT_LOCAL_SKIP_BUILD=1      do not run Maven (the artifacts must exist; used by the test)
#   RUNWRIGHT_LOCAL_EXIT_WHEN_READY=1 stop everything and exit 0 once the seed is Ready (exit 1 on timeout)
#   RUNWRIGHT_LOCAL_READY_TIMEOUT     seconds to wait for Ready before saying so (default 900)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started_at=$SECONDS

state=${RUNWRIGHT_LOCAL_DIR:-target/local}
mkdir -p "$state"
state=$(cd "$state" && pwd)
logs=$state/logs
mkdir -p "$logs"
base=${RUNWRIGHT_LOCAL_PORT_BASE:-17440}
apiserver_port=$base etcd_port=$((base + 1)) etcd_peer_port=$((base + 2))
emulator_port=$((base + 3)) operator_port=$((base + 4))
project=runwright-local
ready_timeout=${RUNWRIGHT_LOCAL_READY_TIMEOUT:-900}

say() { printf '==> [%3ds] %s\n' $((SECONDS - started_at)) "$*"; }
die() { echo "run: ERROR: $*" >&2; exit 1; }

# --- prerequisites and ports (fail fast, before anything starts) ---------------------------------------
for tool in curl openssl jq tar setsid flock; do
  command -v "$tool" >/dev/null || die "'$tool' is needed (e.g. apt-get install ${tool/setsid/util-linux})"
done
source scripts/java-env.sh
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A run killed with SIGKILL leaves its processes: stop the ones recorded here (only if they are still ours).
if [[ -f $state/pids ]]; then
  while read -r pid name; do
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$state"; then
      echo "run: stopping $name (pid $pid) left by an earlier run" >&2
      kill -TERM -- "-$pid" 2>/dev/null || true
    fi
  done <"$state/pids"
  sleep 1
  rm -f "$state/pids"
fi
for port in $apiserver_port $etcd_port $etcd_peer_port $emulator_port $operator_port; do
  port_taken "$port" && die "port 127.0.0.1:$port is taken (ports $base-$((base + 4)) are used); free it or set RUNWRIGHT_LOCAL_PORT_BASE"
done
exec 8>"$state/.lock"
flock -n 8 || die "another 'make run' uses $state"

# --- cleanup: every process we start is a process group leader (setsid) ---------------------------------
pids=()
names=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ ${#pids[@]} -gt 0 ]] && say "stopping ${names[*]}"
  local i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  [[ -f $state/mariadb/env ]] && scripts/mariadb.sh stop "$state/mariadb" >/dev/null 2>&1 || true
  rm -f "$state/pids"
  say "stopped"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME COMMAND...: runs COMMAND in its own session (so Ctrl-C reaches only this script, which then stops
# the whole group), output to logs/NAME.log.
start() {
  local name=$1
  shift
  setsid "$@" >"$logs/$name.log" 2>&1 </dev/null &
  pids+=($!)
  names+=("$name")
  echo "$! $name" >>"$state/pids"
}
# wait_for WHAT SECONDS COMMAND...: polls COMMAND until it succeeds; fails with the last log lines.
wait_for() {
  local what=$1 seconds=$2 log=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)) || ! kill -0 "${pids[-1]}" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      die "$what did not come up (log: $log)"
    fi
    sleep 0.5
  done
}

# --- binaries and build ----------------------------------------------------------------------------------
say "Kubernetes binaries (built once per machine, cached)"
eval "$(scripts/k8s-binaries.sh --env)"
bin_dir=$RUNWRIGHT_K8S_BIN_DIR
[[ -x $bin_dir/kube-apiserver && -x $bin_dir/etcd && -x $bin_dir/kubectl ]] \
  || die "scripts/k8s-binaries.sh did not provide kube-apiserver, etcd and kubectl"
kubectl=$bin_dir/kubectl

if [[ ${RUNWRIGHT_LOCAL_SKIP_BUILD:-} != 1 ]]; then
  say "building the service image tarballs, the emulator and the operator (Maven)"
  ./mvnw -q -pl service,emulator,operator -am -DskipTests package
fi
# The operator and the signing-key generator run from their Jib image tarballs (the artifacts that ship),
# unpacked once per build under $state/images/.
unpack_image() {
  local tarball=$1 dir=$2
  if [[ ! -f $dir/.unpacked || $tarball -nt $dir/.unpacked ]]; then
    rm -rf "$dir" && mkdir -p "$dir/layers"
    tar --warning=no-unknown-keyword -xf "$tarball" -C "$dir/layers"
    for layer in $(jq -r '.[0].Layers[]' "$dir/layers/manifest.json"); do tar --warning=no-unknown-keyword -xzf "$dir/layers/$layer" -C "$dir"; done
    rm -rf "$dir/layers"
    touch "$dir/.unpacked"
  fi
  sed "s|/app/|$dir/app/|g" "$dir/app/jib-classpath-file"
}
[[ -f $repo/operator/target/jib-image.tar ]] || die "operator/target/jib-image.tar is missing (run without RUNWRIGHT_LOCAL_SKIP_BUILD)"
operator_classpath=$(unpack_image "$repo/operator/target/jib-image.tar" "$state/images/operator")
emulator_jar=$(ls "$repo"/emulator/target/runwright-emulator-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1)
images=()
for image in 1.0.0=jib-image.tar 1.1.0=jib-image-1.1.0.tar 1.2.0-broken=jib-image-1.2.0-broken.tar; do
  tarball=$repo/service/target/${image#*=}
  [[ -f $tarball ]] || die "$tarball is missing (run without RUNWRIGHT_LOCAL_SKIP_BUILD)"
  images+=(--image "runwright/jwt-service:${image%%=*}=$tarball")
done
[[ -n $emulator_jar ]] || die "the emulator jar is missing (run without RUNWRIGHT_LOCAL_SKIP_BUILD)"

# --- certificates and kubeconfig (once; reused by later runs) --------------------------------------------
pki=$state/pki
if [[ ! -f $pki/admin.crt ]]; then
  say "creating certificates (CA, apiserver serving, admin client, service account key)"
  mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj /CN=runwright-local-ca 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj /CN=kube-apiserver 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 3650 -extfile apiserver.ext 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout admin.key -out admin.csr -subj "/O=system:masters/CN=runwright-admin" 2>/dev/null
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out admin.crt -days 3650 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    chmod 600 ./*.key
  )
fi
kubeconfig=$state/kubeconfig
cat >"$kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: runwright-local
  cluster:
    server: https://127.0.0.1:$apiserver_port
    certificate-authority: $pki/ca.crt
users:
- name: runwright-admin
  user:
    client-certificate: $pki/admin.crt
    client-key: $pki/admin.key
contexts:
- name: runwright-local
  context: {cluster: runwright-local, user: runwright-admin, namespace: default}
current-context: runwright-local
EOF
export KUBECONFIG=$kubeconfig

# --- MariaDB, etcd, kube-apiserver ----------------------------------------------------------------------
say "starting MariaDB (emulated Cloud SQL backend)"
scripts/mariadb.sh start "$state/mariadb" >"$logs/mariadb-start.log" 2>&1 \
  || { cat "$logs/mariadb-start.log" >&2; die "MariaDB did not start"; }
source "$state/mariadb/env"

say "starting etcd and kube-apiserver"
start etcd "$bin_dir/etcd" --name default --data-dir "$state/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-cluster "default=http://127.0.0.1:$etcd_peer_port" --listen-metrics-urls "" --log-level warn
wait_for etcd 30 "$logs/etcd.log" curl -fs "http://127.0.0.1:$etcd_port/health"
start kube-apiserver "$bin_dir/kube-apiserver" --bind-address 127.0.0.1 --secure-port "$apiserver_port" \
  --etcd-servers "http://127.0.0.1:$etcd_port" --tls-cert-file "$pki/apiserver.crt" \
  --tls-private-key-file "$pki/apiserver.key" --client-ca-file "$pki/ca.crt" --authorization-mode RBAC \
  --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$pki/sa.key" \
  --service-account-signing-key-file "$pki/sa.key" --service-cluster-ip-range 10.0.0.0/24 \
  --disable-admission-plugins ServiceAccount --cert-dir "$pki"
wait_for kube-apiserver 120 "$logs/kube-apiserver.log" "$kubectl" get --raw /readyz
say "installing the CRDs"
"$kubectl" apply --server-side --force-conflicts -f crds/ >/dev/null
"$kubectl" wait --for condition=Established --timeout 60s crd --all >/dev/null

# --- emulator and operator ------------------------------------------------------------------------------
say "starting the Google API emulator (local runtime) on 127.0.0.1:$emulator_port"
emulator=http://127.0.0.1:$emulator_port
runtime_flags=(--local-runtime --work-dir "$state/emulator-run" "${images[@]}")
if ! java -jar "$emulator_jar" --help 2>/dev/null | grep -q -- --local-runtime; then
  # This build's emulator has no local runtime yet: Cloud Run is simulated (no service process, no URL).
  echo "run: WARNING: the emulator has no --local-runtime; revisions and jobs are simulated, nothing serves" >&2
  runtime_flags=()
fi
start emulator java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$emulator_jar" --port "$emulator_port" \
  --state-dir "$state/emulator" "${runtime_flags[@]}"
wait_for emulator 90 "$logs/emulator.log" curl -fs "$emulator/emulator/v1/health"

say "creating the JWT signing key in Secret Manager (secret jwt-signing-key, version 1)"
secret=$emulator/v1/projects/$project/secrets/jwt-signing-key
if ! curl -fs "$secret/versions/1" >/dev/null; then
  service_classpath=$(unpack_image "$repo/service/target/jib-image.tar" "$state/images/service-1.0.0")
  key=$(java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$service_classpath" \
    dev.runwright.service.Main generate-key 2>"$logs/generate-key.log") \
    || die "the service's generate-key command failed (log: $logs/generate-key.log)"
  curl -fs -X POST "$emulator/v1/projects/$project/secrets?secretId=jwt-signing-key" \
    -H 'content-type: application/json' -d '{"replication":{"automatic":{}}}' >/dev/null || true
  curl -fs -X POST "$secret:addVersion" -H 'content-type: application/json' \
    -d "{\"payload\":{\"data\":\"$(printf '%s' "$key" | base64 -w0)\"}}" >/dev/null \
    || die "could not add the signing key version to the emulated Secret Manager"
fi

say "starting the operator"
start operator java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$operator_classpath" \
  dev.runwright.operator.cli.RunwrightCli run --project "$project" --google-endpoint "$emulator" \
  --management-port "$operator_port" --leader-election false --log-format text --resync-interval 30s
wait_for operator 120 "$logs/operator.log" curl -fs "http://127.0.0.1:$operator_port/readyz"

# --- seed and progress ----------------------------------------------------------------------------------
say "applying examples/seed"
"$kubectl" apply -k examples/seed

# One line per resource whenever its Ready condition (status, reason, message) changes.
kinds=cloudsqldatabases.runwright.dev,migrationjobs.runwright.dev,cloudrunservices.runwright.dev
progress() {
  "$kubectl" get "$kinds" -o json 2>/dev/null | jq -r '.items[] |
    (.status.conditions // [] | map(select(.type == "Ready")) | first) as $c |
    "\(.kind)/\(.metadata.name)\t\($c.status // "Unknown")\t\($c.reason // "-")\t\($c.message // "waiting for the operator")"'
}
declare -A last=()
url=""
deadline=$((SECONDS + ready_timeout))
while :; do
  all_ready=true
  lines=$(progress) || lines=""
  while IFS=$'\t' read -r name status reason message; do
    [[ -z $name ]] && continue
    [[ $status == True ]] || all_ready=false
    if [[ ${last[$name]:-} != "$status $reason $message" ]]; then
      last[$name]="$status $reason $message"
      say "$(printf '%-36s Ready=%-7s %s: %s' "$name" "$status" "$reason" "$message")"
    fi
  done <<<"$lines"
  [[ -n $lines ]] || all_ready=false
  url=$("$kubectl" get cloudrunservices.runwright.dev jwt-service -o jsonpath='{.status.url}' 2>/dev/null || true)
  # The URL in status may be a previous run's until the operator has re-read the service: ready = it answers.
  if $all_ready && [[ -n $url ]] && curl -fs -m 5 "$url/healthz" >/dev/null 2>&1; then break; fi
  for i in "${!pids[@]}"; do
    kill -0 "${pids[i]}" 2>/dev/null || die "${names[i]} exited (log: $logs/${names[i]}.log)"
  done
  if ((SECONDS > deadline)); then
    echo "run: the seed is not Ready after ${ready_timeout}s; the system keeps running for inspection" >&2
    scripts/local-summary.sh "$emulator" "$project" || true
    [[ ${RUNWRIGHT_LOCAL_EXIT_WHEN_READY:-} == 1 ]] && exit 1
    deadline=$((SECONDS + 1000000))
  fi
  sleep 2
done
ready_seconds=$((SECONDS - started_at))

# --- summary --------------------------------------------------------------------------------------------
scripts/local-summary.sh "$emulator" "$project" || true
cat <<MSG

Ready in ${ready_seconds}s.
  Service URL:  $url
  KUBECONFIG:   export KUBECONFIG=$kubeconfig   (kubectl: $kubectl)
  Logs:         $logs/ (revisions and job executions: $state/emulator-run/logs/)

  curl -s -XPOST $url/api/v1/auth/register -H 'content-type: application/json' -d '{"username":"alice","password":"correct horse battery"}'
  TOKEN=\$(curl -s -XPOST $url/api/v1/auth/login -H 'content-type: application/json' -d '{"username":"alice","password":"correct horse battery"}' | jq -r .access_token)
  curl -s $url/api/v1/users/me -H "authorization: Bearer \$TOKEN"

  Upgrade (gated on the V3 migration):  kubectl apply -k examples/local/upgrade
  Broken migration (1.0.0 keeps serving): kubectl apply -k examples/local/broken-migration
  Stop: Ctrl-C
MSG
echo "RUNWRIGHT_LOCAL_READY url=$url kubeconfig=$kubeconfig kubectl=$kubectl seconds=$ready_seconds"

[[ ${RUNWRIGHT_LOCAL_EXIT_WHEN_READY:-} == 1 ]] && exit 0
# Keep running; if a component dies, say which and stop the rest.
while :; do
  for i in "${!pids[@]}"; do
    kill -0 "${pids[i]}" 2>/dev/null || die "${names[i]} exited (log: $logs/${names[i]}.log)"
  done
  sleep 2
done
