#!/usr/bin/env bash
# Provides a real Kubernetes control plane and its clients for the tests, offline: kube-apiserver, etcd,
# kubectl and helm, built from Go modules at pinned versions (this machine kind has no internet, only the Go
# module proxy). Results are cached outside the clone, keyed by version, in the layout fabric8 kube-api-test
# expects, so only the first run on a machine pays the build (10-20+ minutes on 2 cores).
#
#   scripts/k8s-binaries.sh            provide the binaries (idempotent), print their paths
#   scripts/k8s-binaries.sh --env      same, then print `export ...` lines for the test environment
#
# Cache: ${RUNWRIGHT_CACHE:-~/.cache/runwright}/k8s/<K8S_VERSION>-linux-amd64/{kube-apiserver,etcd,kubectl,helm}
# (kube-api-test reads <dir>/k8s/<X.Y.Z>-linux-amd64, with <dir> = KUBE_API_TEST_DIR).
set -euo pipefail

K8S_VERSION=1.37.2  # kube-apiserver and kubectl, from k8s.io/kubernetes
ETCD_VERSION=3.6.16 # from go.etcd.io/etcd/server/v3
HELM_VERSION=3.22.0 # from helm.sh/helm/v3

CACHE=${RUNWRIGHT_CACHE:-$HOME/.cache/runwright}
BIN_DIR=$CACHE/k8s/$K8S_VERSION-linux-amd64
BUILD_DIR=$CACHE/build

print_env=false
[[ "${1:-}" == "--env" ]] && print_env=true

log() { echo "==> k8s-binaries: $*" >&2; }
die() { echo "k8s-binaries: ERROR: $*" >&2; exit 1; }

command -v go >/dev/null || die "Go is needed to build kube-apiserver, etcd and helm (Go >= 1.25; e.g. 'apt-get install golang-go' or https://go.dev/dl)"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || die "only linux-amd64 is supported (kube-api-test layout)"

mkdir -p "$BIN_DIR" "$BUILD_DIR"
# Several checkouts (or helpers) may call this at once; one builds, the others wait for its result.
exec 9>"$CACHE/.k8s-binaries.lock"
if ! flock -n 9; then
  log "another run is providing the binaries; waiting for it (lock $CACHE/.k8s-binaries.lock)"
  flock 9
fi

export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:--buildvcs=false}"

# has_version FILE TEXT ARGS...: FILE runs and its version output contains TEXT.
has_version() {
  local file=$1 text=$2
  shift 2
  local output
  [[ -x "$file" ]] || return 1
  # Captured first: `| grep -q` could end the pipe early and fail the check with SIGPIPE under pipefail.
  output=$("$file" "$@" 2>&1) || return 1
  [[ "$output" == *"$text"* ]]
}

# quiet_go_get ARGS...: `go get` without its long list of "go: added" lines (downloads still show progress).
quiet_go_get() {
  go get "$@" 2>&1 | { grep -v '^go: added ' || true; } >&2
}

# with_heartbeat WHAT COMMAND...: runs COMMAND, saying every minute that WHAT is still building (go build is
# silent for many minutes).
with_heartbeat() {
  local what=$1 started=$SECONDS heartbeat rc
  shift
  (while sleep 60 && kill -0 $$ 2>/dev/null; do log "still building $what ($((SECONDS - started))s)"; done) &
  heartbeat=$!
  if "$@"; then rc=0; else rc=$?; fi
  kill "$heartbeat" 2>/dev/null || true
  wait "$heartbeat" 2>/dev/null || true
  return "$rc"
}

# throwaway_module DIR: a fresh Go module in DIR to build another module's commands from.
throwaway_module() {
  rm -rf "$1" && mkdir -p "$1"
  (cd "$1" && go mod init runwright.local/"$(basename "$1")" >/dev/null 2>&1)
}

ETCD_WRAPPER_MARK="runwright: etcd on loopback only"

provide_etcd() {
  local real=$BIN_DIR/etcd-$ETCD_VERSION wrapper=$BIN_DIR/etcd
  # Caches from before the loopback wrapper hold the real binary under the name etcd: keep it.
  if [[ -x "$wrapper" ]] && ! grep -qF "$ETCD_WRAPPER_MARK" "$wrapper" 2>/dev/null &&
    has_version "$wrapper" "etcd Version: $ETCD_VERSION" --version; then
    mv -f "$wrapper" "$real"
  fi
  if has_version "$real" "etcd Version: $ETCD_VERSION" --version; then
    log "etcd $ETCD_VERSION: cached"
  else
    log "etcd $ETCD_VERSION: building go.etcd.io/etcd/server/v3 (a few minutes)"
    local mod=$BUILD_DIR/etcd-$ETCD_VERSION
    throwaway_module "$mod"
    (
      cd "$mod"
      # server/v3 has its main at the module root; `go install` refuses it because of its replace lines.
      quiet_go_get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
      with_heartbeat etcd go build -trimpath -o "$real.tmp" go.etcd.io/etcd/server/v3
    )
    mv -f "$real.tmp" "$real"
    has_version "$real" "etcd Version: $ETCD_VERSION" --version || die "built etcd does not report version $ETCD_VERSION"
  fi
  # kube-api-test starts etcd with client URLs on 0.0.0.0, which would expose an unauthenticated etcd on every
  # interface while tests run; the wrapper moves them to 127.0.0.1 (kube-apiserver still reaches it).
  cat >"$wrapper.tmp" <<WRAPPER
#!/bin/sh
# $ETCD_WRAPPER_MARK (written by scripts/k8s-binaries.sh)
for arg do
  shift
  case \$arg in http://0.0.0.0:*) arg="http://127.0.0.1:\${arg#http://0.0.0.0:}" ;; esac
  set -- "\$@" "\$arg"
done
exec "$real" "\$@"
WRAPPER
  chmod +x "$wrapper.tmp"
  mv -f "$wrapper.tmp" "$wrapper"
  has_version "$wrapper" "etcd Version: $ETCD_VERSION" --version || die "the etcd wrapper $wrapper does not run $real"
}

provide_kubernetes() {
  local apiserver=$BIN_DIR/kube-apiserver kubectl=$BIN_DIR/kubectl
  if has_version "$apiserver" "Kubernetes v$K8S_VERSION" --version &&
    has_version "$kubectl" "Client Version: v$K8S_VERSION" version --client; then
    log "kube-apiserver and kubectl $K8S_VERSION: cached"
    return
  fi
  log "kube-apiserver and kubectl $K8S_VERSION: building k8s.io/kubernetes (the first time takes 10-20+ minutes)"
  local mod=$BUILD_DIR/kubernetes-$K8S_VERSION
  throwaway_module "$mod"
  (
    cd "$mod"
    # k8s.io/kubernetes requires its staging modules (k8s.io/api, k8s.io/apiserver, ...) at v0.0.0 and
    # replaces them with local directories, so `go install` refuses it. Replace each with its published
    # release (v0.<minor>.<patch>), the list taken from the real go.mod.
    go mod download "k8s.io/kubernetes@v$K8S_VERSION"
    local gomod
    gomod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
    [[ -f "$gomod" ]] || die "cannot find the go.mod of k8s.io/kubernetes@v$K8S_VERSION"
    local staging
    staging=$(grep -E '^\s+k8s\.io/[a-z0-9-]+ v0\.0\.0$' "$gomod" | awk '{print $1}')
    [[ -n "$staging" ]] || die "no staging modules found in $gomod"
    for m in $staging; do go mod edit -replace="$m=$m@v0.${K8S_VERSION#1.}"; done
    quiet_go_get "k8s.io/kubernetes@v$K8S_VERSION" \
      "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S_VERSION" "k8s.io/kubernetes/cmd/kubectl@v$K8S_VERSION"
    local minor=${K8S_VERSION#1.}
    minor=${minor%%.*}
    # Without these the binaries report v0.0.0-master; kube-api-test and kubectl version checks need the real one.
    local ldflags="-s -w"
    for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      ldflags+=" -X $pkg.gitVersion=v$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
      ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
    done
    with_heartbeat kube-apiserver \
      go build -trimpath -ldflags "$ldflags" -o "$apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver
    log "kube-apiserver built; building kubectl (reuses most of the compiled packages)"
    with_heartbeat kubectl go build -trimpath -ldflags "$ldflags" -o "$kubectl.tmp" k8s.io/kubernetes/cmd/kubectl
  )
  mv -f "$apiserver.tmp" "$apiserver"
  mv -f "$kubectl.tmp" "$kubectl"
  has_version "$apiserver" "Kubernetes v$K8S_VERSION" --version || die "built kube-apiserver does not report v$K8S_VERSION"
  has_version "$kubectl" "Client Version: v$K8S_VERSION" version --client || die "built kubectl does not report v$K8S_VERSION"
}

provide_helm() {
  local out=$BIN_DIR/helm
  if has_version "$out" "v$HELM_VERSION" version --short; then
    log "helm $HELM_VERSION: cached"
    return
  fi
  log "helm $HELM_VERSION: building helm.sh/helm/v3/cmd/helm (a few minutes)"
  local mod=$BUILD_DIR/helm-$HELM_VERSION
  throwaway_module "$mod"
  (
    cd "$mod"
    quiet_go_get "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
    local minor=${K8S_VERSION#1.}
    minor=${minor%%.*}
    # Helm's release build stamps its version and the Kubernetes version it templates for (else 1.20).
    local ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION"
    ldflags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
    for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
      ldflags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$minor"
    done
    with_heartbeat helm go build -trimpath -ldflags "$ldflags" -o "$out.tmp" helm.sh/helm/v3/cmd/helm
  )
  mv -f "$out.tmp" "$out"
  has_version "$out" "v$HELM_VERSION" version --short || die "built helm does not report v$HELM_VERSION"
}

start=$SECONDS
provide_etcd
provide_kubernetes
provide_helm
log "ready in $((SECONDS - start))s:"
for b in kube-apiserver etcd kubectl helm; do echo "  $BIN_DIR/$b" >&2; done

if $print_env; then
  echo "export KUBE_API_TEST_DIR='$CACHE'"
  echo "export RUNWRIGHT_K8S_BIN_DIR='$BIN_DIR'"
  echo "export RUNWRIGHT_KUBECTL='$BIN_DIR/kubectl'"
  echo "export RUNWRIGHT_HELM='$BIN_DIR/helm'"
fi
