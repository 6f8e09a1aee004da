#!/usr/bin/env bash
# Build the test cluster's binaries from Go modules into a version-keyed cache directory:
#   etcd, kube-apiserver, workflow-controller
# A binary that already exists there is not rebuilt; changing a pin in versions.sh changes the
# directory, which is what triggers a rebuild. Nothing is written inside the repository: wrapper
# go.mod files are generated in a temp dir and deleted afterwards.
#
# Usage: test/cluster/build.sh [etcd|kube-apiserver|workflow-controller ...]   (default: all three)
# Each cold build is measured with /usr/bin/time -v into $BIN_DIR/timings/<name>.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

for tool in go jq; do
  command -v "$tool" >/dev/null || { echo "build.sh: '$tool' is required" >&2; exit 1; }
done

mkdir -p "$BIN_DIR/timings"
# Static binaries, reproducible paths, no debug info (smaller, faster link).
export CGO_ENABLED=0
# Two parallel compile jobs at most, added to whatever GOFLAGS the caller has (e.g. -buildvcs=false).
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-p=2"

# One build at a time per cache dir: two test runs starting at once must not race on a half-written binary.
exec 9>"$BIN_DIR/.build.lock"
if command -v flock >/dev/null; then flock 9; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/argo-gen-k8s-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# timed <name> <cmd...>: run a build step at low priority (the machine has 2 cores that other work
# needs too) and keep GNU time's report, whose wall time and max RSS docs/cluster.md quotes.
timed() {
  local name=$1; shift
  local out="$BIN_DIR/timings/$name.txt"
  /usr/bin/time -v -o "$out" nice -n 10 "$@"
  echo "  $name: $(sed -nE 's/.*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): //p' "$out") wall," \
       "$(sed -nE 's/.*Maximum resident set size \(kbytes\): //p' "$out") KiB max RSS"
}

build_etcd() {
  # server/v3's go.mod has `replace ../api` etc., so `go install ...@v` is refused. Its requires
  # carry real versions, so a wrapper module needs no replaces of its own.
  local w="$WORK/etcd"; mkdir -p "$w"; cd "$w"
  printf 'module example.local/etcdbin\n\ngo 1.25.0\n' > go.mod
  timed etcd-download go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  timed etcd go build -trimpath -ldflags "-s -w" -o "$BIN_DIR/.etcd.tmp" go.etcd.io/etcd/server/v3
  mv "$BIN_DIR/.etcd.tmp" "$BIN_DIR/etcd"
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
  timed kube-apiserver-download go get "k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION"
  # Without these -X values /version reports v0.0.0-master+$Format:%H$.
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
  ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
  ldflags+=" -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z"
  ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION"
  timed kube-apiserver go build -trimpath -ldflags "$ldflags" -o "$BIN_DIR/.kube-apiserver.tmp" \
    k8s.io/kubernetes/cmd/kube-apiserver
  mv "$BIN_DIR/.kube-apiserver.tmp" "$BIN_DIR/kube-apiserver"
}

build_workflow_controller() {
  # Argo's go.mod has no replace directives and cmd/workflow-controller does not reach the ui
  # package (whose go:embed files are missing from the module zip), so plain `go install` works.
  local gobin="$WORK/argo-bin"; mkdir -p "$gobin"; cd "$WORK"
  timed workflow-controller env GOBIN="$gobin" go install -trimpath \
    -ldflags "-s -w -X github.com/argoproj/argo-workflows/v4.version=$ARGO_VERSION" \
    "github.com/argoproj/argo-workflows/v4/cmd/workflow-controller@$ARGO_VERSION"
  mv "$gobin/workflow-controller" "$BIN_DIR/workflow-controller"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(etcd kube-apiserver workflow-controller)
echo "build.sh: binaries in $BIN_DIR"
for t in "${targets[@]}"; do
  if [ -x "$BIN_DIR/$t" ]; then echo "  $t: cached"; continue; fi
  echo "  $t: building (cold builds take minutes; see $BIN_DIR/timings/)"
  case $t in
    etcd) build_etcd ;;
    kube-apiserver) build_kube_apiserver ;;
    workflow-controller) build_workflow_controller ;;
    *) echo "build.sh: unknown target '$t'" >&2; exit 2 ;;
  esac
done
