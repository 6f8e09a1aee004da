#!/usr/bin/env bash
# The whole test suite (`pnpm test`, the README's test command, also run by .ci/run): every stage runs even when an
# earlier one failed, so one run shows everything that is broken; the last line counts tests across all runners.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=.cache/test-reports
rm -rf "$reports" && mkdir -p "$reports"
failed_stages=()

stage() { # stage <name> <command...>
  local name=$1; shift
  printf '\n=== %s: %s\n' "$name" "$*"
  local start=$SECONDS
  if "$@"; then printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - start)); failed_stages+=("$name"); fi
}

stage build pnpm -s build
# generated/ and examples/ are reviewed artefacts: stale YAML (a template edited without `argo-gen generate`) fails CI.
# That is `argo-gen check`, run once, by the unit stage (test/generated-artefacts.test.ts, exact output and exit code).
# The public API of each package against its committed report (packages/*/api/*.api.md): a changed surface shows in review.
stage api node scripts/api-report.mjs
stage lint npx biome check .
stage typecheck npx tsc -p test/tsconfig.json --noEmit
stage unit npx vitest run --reporter=default --reporter=json --outputFile="$reports/unit.vitest.json"
stage conformance bash test/conformance/with-apiserver.sh npx vitest run -c test/conformance/vitest.config.ts --reporter=default --reporter=json --outputFile="$reports/conformance.vitest.json"
stage oracle bash -c "cd test/oracle && CGO_ENABLED=0 go test -trimpath -json ./... > ../../$reports/oracle.gotest.json; s=\$?; grep -h '\"Action\":\"fail\"' ../../$reports/oracle.gotest.json | head -5; exit \$s"
# A real kube-apiserver, etcd and Argo controller built from Go modules (cached outside git; a cold build takes a while).
stage cluster bash test/cluster/with-cluster.sh npx vitest run -c vitest.cluster.config.ts --reporter=default --reporter=json --outputFile="$reports/cluster.vitest.json"

node scripts/test-summary.mjs "$reports" "${failed_stages[@]}"
[ ${#failed_stages[@]} -eq 0 ]
