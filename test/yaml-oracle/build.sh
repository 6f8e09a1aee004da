#!/usr/bin/env bash
# Builds the YAML oracle (go-yaml v2 through sigs.k8s.io/yaml, as Argo v4.1.2 reads YAML) into a cache outside git and
# prints the binary's path on stdout; everything else goes to stderr. Skipped when a binary for the same sources and
# Go version exists. A cold build compiles two small modules (seconds).
#
#   bin=$(test/yaml-oracle/build.sh) && "$bin" file.yaml
#
# Cache root: $ARGO_GEN_YAML_ORACLE_BIN, default ~/.cache/argo-gen-yaml-oracle.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v go >/dev/null 2>&1; then
  echo "yaml-oracle/build.sh: go is not installed (the YAML oracle needs Go >= the go line of test/yaml-oracle/go.mod)" >&2
  exit 1
fi

src_sha="$({ cat go.mod go.sum; ls *.go | grep -v '_test\.go$' | LC_ALL=C sort | xargs cat; go env GOVERSION; } |
  sha256sum | cut -c1-16)"
# shellcheck source=../go-build-cached.sh
source ../go-build-cached.sh
cached_go_build "${ARGO_GEN_YAML_ORACLE_BIN:-$HOME/.cache/argo-gen-yaml-oracle}" yaml-oracle "$src_sha"
