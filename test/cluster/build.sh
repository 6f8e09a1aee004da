#!/usr/bin/env bash
# Build the test cluster's binaries into version-keyed cache directories (versions.sh):
#   etcd, kube-apiserver (Go module proxy), workflow-controller (Argo's module in ../shared/argo/src)
# A binary that already exists there is not rebuilt; changing a pin in versions.sh changes its
# directory, which is what triggers a rebuild. Nothing is written inside the repository or inside
# ../shared: wrapper go.mod files are generated in a temp dir and deleted afterwards.
#
# Usage: test/cluster/build.sh [etcd|kube-apiserver|workflow-controller ...]   (default: all three)
# Each cold build is measured with /usr/bin/time -v into <binary's dir>/timings/<name>.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

for tool in go jq; do
  command -v "$tool" >/dev/null || { echo "build.sh: '$tool' is required" >&2; exit 1; }
done

mkdir -p "$ARGO_GEN_K8S_BIN_ROOT"
# Static binaries, reproducible paths, no debug info (smaller, faster link).
export CGO_ENABLED=0
# Two parallel compile jobs at most, added to whatever GOFLAGS the caller has (e.g. -buildvcs=false).
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-p=2"

# One build at a time per cache dir: two test runs starting at once must not race on a half-written binary.
exec 9>"$ARGO_GEN_K8S_BIN_ROOT/.build.lock"
if command -v flock >/dev/null; then flock 9; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/argo-gen-k8s-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# timed <dir> <name> <cmd...>: run a build step at low priority (the machine has 2 cores that other
# work needs too) and keep GNU time's report, whose wall time and max RSS docs/cluster.md quotes.
timed() {
  local dir=$1 name=$2; shift 2
  mkdir -p "$dir/timings"
  local out="$dir/timings/$name.txt"
  /usr/bin/time -v -o "$out" nice -n 10 "$@"
  echo "  $name: $(sed -nE 's/.*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): //p' "$out") wall," \
       "$(sed -nE 's/.*Maximum resident set size \(kbytes\): //p' "$out") KiB max RSS"
}

build_etcd() {
  # server/v3's go.mod has `replace ../api` etc., so `go install ...@v` is refused. Its requires
  # carry real versions, so a wrapper module needs no replaces of its own.
  local w="$WORK/etcd"; mkdir -p "$w"; cd "$w"
  printf 'module example.local/etcdbin\n\ngo 1.25.0\n' > go.mod
  local d; d=$(dirname "$ETCD_BIN")
  timed "$d" etcd-download go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  timed "$d" etcd go build -trimpath -ldflags "-s -w" -o "$ETCD_BIN.tmp" go.etcd.io/etcd/server/v3
  mv "$ETCD_BIN.tmp" "$ETCD_BIN"
}

build_kube_apiserver() {
  # k8s.io/kubernetes requires its staging modules at v0.0.0 with `replace => ./staging/...`,
  # and the module zip has no staging/. Build it as a dependency of a wrapper module that replaces
  # every staging module with its published v0.X.Y, generated from the exact upstream go.mod.
  local sv="v0.${K8S_VERSION#v1.}" minor gomod w="$WORK/k8s"
  minor=$(echo "$K8S_VERSION" | cut -d. -f2)
  mkdir -p "$w"; cd "$w"
  gomod=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | jq -r .GoMod)
  {
    printf 'module example.local/k8sbin\n\ngo 1.26.0\n\nreplace (\n'
    # sample-* modules are imported by nothing we build; leaving them out avoids needing them served.
    sed -nE 's#^[[:space:]]*(k8s\.io/[A-Za-z0-9._-]+)[[:space:]]+=>[[:space:]]+\./staging/src/.*#\t\1 => \1 '"$sv"'#p' "$gomod" \
      | grep -v 'k8s.io/sample-'
    printf ')\n'
  } > go.mod
  local d; d=$(dirname "$APISERVER_BIN")
  timed "$d" kube-apiserver-download go get "k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION"
  # Without these -X values /version reports v0.0.0-master+$Format:%H$.
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
  ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
  ldflags+=" -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION"
  timed "$d" kube-apiserver go build -trimpath -ldflags "$ldflags" -o "$APISERVER_BIN.tmp" \
    k8s.io/kubernetes/cmd/kube-apiserver
  mv "$APISERVER_BIN.tmp" "$APISERVER_BIN"
}

build_workflow_controller() {
  # The proxy does not serve argo-workflows v4.1.2, so build inside Argo's own module copy in
  # ../shared/argo/src/<tag>, with its own go.mod and go.sum (exactly the release's dependencies).
  # -mod=readonly: go must not touch go.sum there (../shared is read-only in CI); -o writes outside
  # it; -buildvcs=false: the copy is not a git checkout.
  [ -f "$ARGO_SRC/go.mod" ] || { echo "build.sh: $ARGO_SRC/go.mod not found (need ../shared beside the repo)" >&2; exit 1; }
  local d; d=$(dirname "$CONTROLLER_BIN"); mkdir -p "$d"; cd "$ARGO_SRC"
  timed "$d" workflow-controller go build -mod=readonly -buildvcs=false -trimpath \
    -ldflags "-s -w -X github.com/argoproj/argo-workflows/v4.version=$ARGO_VERSION" \
    -o "$CONTROLLER_BIN.tmp" ./cmd/workflow-controller
  mv "$CONTROLLER_BIN.tmp" "$CONTROLLER_BIN"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(etcd kube-apiserver workflow-controller)
bin_of() {
  case $1 in
    etcd) echo "$ETCD_BIN" ;; kube-apiserver) echo "$APISERVER_BIN" ;; workflow-controller) echo "$CONTROLLER_BIN" ;;
    *) echo "build.sh: unknown target '$1'" >&2; exit 2 ;;
  esac
}
echo "build.sh: binaries under $ARGO_GEN_K8S_BIN_ROOT"
for t in "${targets[@]}"; do
  bin=$(bin_of "$t")
  if [ -x "$bin" ]; then echo "  $t: cached ($bin)"; continue; fi
  echo "  $t: building (cold builds take minutes; see $(dirname "$bin")/timings/)"
  case $t in
    etcd) build_etcd ;;
    kube-apiserver) build_kube_apiserver ;;
    workflow-controller) build_workflow_controller ;;
    *) echo "build.sh: unknown target '$t'" >&2; exit 2 ;;
  esac
done
