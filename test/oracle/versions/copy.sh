#!/usr/bin/env bash
# Copies the oracle's non-test sources into <dir> as a module for an Argo release of another major
# version than 4 (3.7 is github.com/argoproj/argo-workflows/v3): import paths rewritten from /v4 to
# that major, and versions/<release>.mod/.sum as go.mod/go.sum with the `replace` made absolute (the
# committed one is relative to test/oracle). Used by build.sh, and by tidy.sh to refresh the .mod/.sum.
#
# Only the files built for that release are copied (no build constraint, or exactly `//go:build <tag>`),
# so that `go mod tidy` (which ignores build tags) does not look for packages the release lacks.
#
# Usage: test/oracle/versions/copy.sh v3.7.18 <dir> argo37
set -euo pipefail
oracle=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$1 dir=$2 tag=$3
major=v${version:1:1}
src=$(cd "$oracle/../../../shared/argo/src/$version" && pwd)
mkdir -p "$dir"
for f in "$oracle"/*.go; do
  case $f in *_test.go) continue ;; esac
  constraint=$(sed -n '1s#^//go:build ##p' "$f")
  [ -z "$constraint" ] || [ "$constraint" = "$tag" ] || continue
  sed "s#github.com/argoproj/argo-workflows/v4/#github.com/argoproj/argo-workflows/$major/#g" "$f" > "$dir/$(basename "$f")"
done
cp "$oracle/versions/$version.mod" "$dir/go.mod"
cp "$oracle/versions/$version.sum" "$dir/go.sum" 2>/dev/null || : > "$dir/go.sum"
(cd "$dir" && go mod edit -replace="github.com/argoproj/argo-workflows/$major=$src")
