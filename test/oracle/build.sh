#!/usr/bin/env bash
# Builds the Argo validation oracle into a cache outside git and prints the
# binary's path on stdout (all other output goes to stderr). The build is
# skipped when a binary for the same Argo version and the same sources exists.
#
#   bin=$(test/oracle/build.sh) && "$bin" path/to/*.yaml
#
# Cache root: $ARGO_GEN_ORACLE_BIN, default ~/.cache/argo-gen-oracle.
# A cold build (empty Go build cache) takes minutes: it compiles client-go,
# apimachinery, OpenTelemetry, etc. See docs/oracle.md for measured numbers.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v go >/dev/null 2>&1; then
  echo "oracle/build.sh: go is not installed (need Go >= the go line of go.mod)" >&2
  exit 1
fi

# The Argo version comes from go.mod, so the cache key changes when it is bumped.
argo_version="$(awk '$1 == "github.com/argoproj/argo-workflows/v4" { print $2; exit }' go.mod)"
if [ -z "$argo_version" ]; then
  echo "oracle/build.sh: cannot find the argo-workflows version in go.mod" >&2
  exit 1
fi

# Key on everything that affects the binary: go.mod, go.sum, non-test Go sources
# and the Go toolchain version.
src_sha="$(
  { cat go.mod go.sum; ls *.go | grep -v '_test\.go$' | LC_ALL=C sort | xargs cat; go env GOVERSION; } |
    sha256sum | cut -c1-16
)"
cache_root="${ARGO_GEN_ORACLE_BIN:-$HOME/.cache/argo-gen-oracle}"
out_dir="$cache_root/$argo_version-$src_sha"
bin="$out_dir/argo-oracle"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$out_dir"
echo "oracle/build.sh: building argo-oracle (Argo $argo_version) into $out_dir ..." >&2
# Build to a temporary name and rename, so an interrupted build never leaves a
# half-written binary that the check above would accept. -p=2: the machines have 2 cores.
tmp="$bin.tmp.$$"
trap 'rm -f "$tmp"' EXIT
CGO_ENABLED=0 GOFLAGS="${GOFLAGS:+$GOFLAGS }-p=2 -mod=readonly" \
  nice -n 10 go build -trimpath -ldflags "-s -w" -o "$tmp" . >&2
mv "$tmp" "$bin"
echo "$bin"
