#!/usr/bin/env bash
# Run a command with the API server oracle available: inside an existing test cluster (ARGO_GEN_K8S_SERVER set,
# e.g. under `pnpm test:cluster`), or in a fresh one started without the Argo controller (etcd + a kube-apiserver
# per Argo release with full CRDs; test/cluster/with-cluster.sh stops them afterwards, whatever happens).
#
# Usage: test/conformance/with-apiserver.sh <command> [args...]   (no cluster when an argument is --go-only)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -n "${ARGO_GEN_K8S_SERVER:-}" ]; then exec "$@"; fi
# `pnpm conformance --go-only`: the Go oracle alone, no cluster.
for a in "$@"; do [ "$a" != --go-only ] || exec "$@"; done
# The cluster's API server carries the v4.1.2 CRDs; one more (same etcd, own prefix) the v4.0.10 ones, so that each
# Argo line with full CRDs (test/conformance/versions.ts, `fullCrds`) is judged by its own.
ARGO_GEN_K8S_CONTROLLER=0 ARGO_GEN_K8S_EXTRA_CRDS=${ARGO_GEN_K8S_EXTRA_CRDS-v4.0.10} \
  exec bash "$here/../cluster/with-cluster.sh" "$@"
