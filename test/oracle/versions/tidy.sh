#!/usr/bin/env bash
# Refreshes versions/<release>.mod and .sum (`go mod tidy` for that Argo release), e.g. after an
# import was added to the oracle. v4 releases use -modfile in place; others go through copy.sh.
#
# Usage: test/oracle/versions/tidy.sh v4.0.10|v3.7.18
set -euo pipefail
oracle=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$1
major=v${version:1:1}
if [ "$major" = v4 ]; then
  cd "$oracle" && go mod tidy -modfile="versions/$version.mod"
  exit
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/argo-oracle-tidy.XXXXXX")
trap 'rm -rf "$work"' EXIT
bash "$oracle/versions/copy.sh" "$version" "$work" "argo${version:1:1}${version:3:1}"
(cd "$work" && go mod tidy &&
  go mod edit -replace="github.com/argoproj/argo-workflows/$major=../../../shared/argo/src/$version")
cp "$work/go.mod" "$oracle/versions/$version.mod"
cp "$work/go.sum" "$oracle/versions/$version.sum"
