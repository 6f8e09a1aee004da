#!/usr/bin/env bash
# Builds the Argo validation oracle for one Argo version into a cache outside git and prints the
# binary's path on stdout (all other output goes to stderr). The build is skipped when a binary for
# the same Argo version and the same sources exists.
#
#   bin=$(test/oracle/build.sh [v4.1.2|v4.0.10|v3.7.18]) && "$bin" path/to/*.yaml   (default v4.1.2)
#
# Each version is Argo's Go module at that tag in ../shared/argo/src/<tag> (go.mod's `replace`, a
# path relative to this directory, so a fresh clone with ../shared beside it works; ../shared is
# read-only: the binary goes to the cache and go.sum lives here):
#   v4.1.2   go.mod                                         (validate_v41.go)
#   v4.0.10  -modfile=versions/v4.0.10.mod, -tags argo40    (validate_v40.go: the 4.0 API names)
#   v3.7.18  versions/v3.7.18.mod, -tags argo37, built from a copy of the sources whose import paths
#            say /v3 (Argo 3.7 is module github.com/argoproj/argo-workflows/v3; argo_v37.go, validate_v37.go)
#
# Cache root: $ARGO_GEN_ORACLE_BIN, default ~/.cache/argo-gen-oracle.
# A cold build (empty Go build cache) takes minutes: it compiles client-go, apimachinery,
# OpenTelemetry, etc. See docs/oracle.md for measured numbers.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v go >/dev/null 2>&1; then
  echo "oracle/build.sh: go is not installed (need Go >= the go line of go.mod)" >&2
  exit 1
fi

version=${1:-v4.1.2}
case $version in
  v4.1.2) modfile=go.mod; tags= ;;
  v4.0.10) modfile=versions/v4.0.10.mod; tags=argo40 ;;
  v3.7.18) modfile=versions/v3.7.18.mod; tags=argo37 ;;
  *) echo "oracle/build.sh: no oracle for Argo '$version' (have v4.1.2, v4.0.10, v3.7.18; see docs/oracle.md)" >&2; exit 2 ;;
esac
sumfile=${modfile%.mod}.sum
src="$here/../../../shared/argo/src/$version"
if [ ! -f "$src/go.mod" ]; then
  echo "oracle/build.sh: Argo's Go module $version not found at $src (../shared must sit beside the repo)" >&2
  exit 1
fi
# The module file must name exactly this version, so the cache key below is honest.
major=v${version:1:1}
if ! grep -q "github.com/argoproj/argo-workflows/$major $version\$" "$modfile"; then
  echo "oracle/build.sh: $modfile does not require argo-workflows $version" >&2
  exit 1
fi

# Key on everything that affects the binary: the module files, the non-test Go sources, the Argo
# source's commit and the Go toolchain version.
src_sha="$(
  { cat "$modfile" "$sumfile" "$src/COMMIT"; ls *.go | grep -v '_test\.go$' | LC_ALL=C sort | xargs cat; go env GOVERSION; } |
    sha256sum | cut -c1-16
)"
cache_root="${ARGO_GEN_ORACLE_BIN:-$HOME/.cache/argo-gen-oracle}"
out_dir="$cache_root/$version-$src_sha"
bin="$out_dir/argo-oracle"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$out_dir"
echo "oracle/build.sh: building argo-oracle (Argo $version) into $out_dir ..." >&2
# Build to a temporary name and rename, so an interrupted build never leaves a half-written binary
# that the check above would accept. -p=2: the machines have 2 cores. -mod=readonly: never rewrite
# go.mod/go.sum (here or in ../shared).
tmp="$bin.tmp.$$"
work=
trap 'rm -f "$tmp"; [ -z "$work" ] || rm -rf "$work"' EXIT
start=$SECONDS
build_dir=$here
if [ "$major" != v4 ]; then
  # The sources import .../v4/...; build a copy that imports the version's own major module path.
  work=$(mktemp -d "${TMPDIR:-/tmp}/argo-oracle-$version.XXXXXX")
  bash "$here/versions/copy.sh" "$version" "$work" "$tags" >&2
  build_dir=$work; modfile=$work/go.mod
fi
(cd "$build_dir" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:+$GOFLAGS }-p=2 -mod=readonly" \
  nice -n 10 go build -modfile="$modfile" ${tags:+-tags "$tags"} -trimpath -ldflags "-s -w" -o "$tmp" . >&2)
mv "$tmp" "$bin"
echo "oracle/build.sh: built in $((SECONDS - start))s" >&2
echo "$bin"
