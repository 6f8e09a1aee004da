#!/usr/bin/env bash
# Builds the expression oracle (Argo v4.1.2's substitution, expr-lang environment and `when` evaluation) into a cache
# outside git and prints the binary's path on stdout; everything else goes to stderr. Skipped when a binary for the
# same sources, Argo commit and Go version exists. A cold build compiles a few small modules (seconds to a minute).
#
#   bin=$(test/expr-oracle/build.sh) && echo '[{"text":"{{=1 < 2}}","when":true,"params":{}}]' | "$bin"
#
# The controller's `shouldExecute` (workflow/controller/steps.go) is unexported and its package far too large to link
# for one function, so its text is taken from Argo's source at build time and added to the package through
# `go build -overlay`: nothing of it is copied into this repository, and a change in Argo's function changes the key.
#
# Cache root: $ARGO_GEN_EXPR_ORACLE_BIN, default ~/.cache/argo-gen-expr-oracle.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v go >/dev/null 2>&1; then
  echo "expr-oracle/build.sh: go is not installed (the expression oracle needs Go >= the go line of test/expr-oracle/go.mod)" >&2
  exit 1
fi
src="$here/../../../shared/argo/src/v4.1.2"
steps_go="$src/workflow/controller/steps.go"
dag_go="$src/workflow/controller/dag.go"
if [ ! -f "$steps_go" ]; then
  echo "expr-oracle/build.sh: Argo's Go module v4.1.2 not found at $src (../shared must sit beside the repo)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/argo-gen-expr-oracle.XXXXXX")
trap 'rm -rf "$work"' EXIT
should_execute="$work/should_execute.go"
{
  printf '// Code taken at build time from %s (test/expr-oracle/build.sh).\n\npackage main\n\n' "${steps_go#"$here/"}"
  printf 'import (\n\t"strings"\n\n\t"github.com/Knetic/govaluate"\n\n\targoerrors "github.com/argoproj/argo-workflows/v4/errors"\n)\n\n'
  sed -n '/^func shouldExecute(/,/^}/p' "$steps_go"
} >"$should_execute"
if ! grep -q '^func shouldExecute(when string) (bool, error) {$' "$should_execute"; then
  echo "expr-oracle/build.sh: shouldExecute not found in $steps_go" >&2
  exit 1
fi
# The controller's TaskResults (dag.go), the struct `depends` is evaluated over, taken the same way.
task_results="$work/task_results.go"
{
  printf '// Code taken at build time from %s (test/expr-oracle/build.sh).\n\npackage main\n\n' "${dag_go#"$here/"}"
  sed -n '/^type TaskResults struct {$/,/^}/p' "$dag_go"
} >"$task_results"
if ! grep -q '^type TaskResults struct {$' "$task_results"; then
  echo "expr-oracle/build.sh: TaskResults not found in $dag_go" >&2
  exit 1
fi
printf '{"Replace":{"%s/should_execute.go":"%s","%s/task_results.go":"%s"}}\n' "$here" "$should_execute" "$here" \
  "$task_results" >"$work/overlay.json"

src_sha="$({ cat go.mod go.sum "$src/COMMIT" "$should_execute" "$task_results"; ls *.go | grep -v '_test\.go$' | LC_ALL=C sort | xargs cat
  go env GOVERSION; } | sha256sum | cut -c1-16)"
# shellcheck source=../go-build-cached.sh
source ../go-build-cached.sh
cached_go_build "${ARGO_GEN_EXPR_ORACLE_BIN:-$HOME/.cache/argo-gen-expr-oracle}" expr-oracle "$src_sha" \
  -overlay "$work/overlay.json"
