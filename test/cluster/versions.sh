# shellcheck shell=bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# Pinned versions of the test cluster and the cache/state locations derived from them.
# Sourced by build.sh, up.sh, down.sh. Every value can be overridden from the environment.
#
# Pins were chosen from what the Go module proxy serves (see docs/cluster.md):
# - Kubernetes v1.36.3 (staging modules v0.36.3).
# - etcd v3.6.16.
# - Argo v4.0.5: the only argo-workflows/v4 version the proxy serves (v4.1.2 answers 403
#   "This module version is not available"), so its CRDs come from the same Go module, not ../shared.

K8S_VERSION=${K8S_VERSION:-v1.36.3}
ETCD_VERSION=${ETCD_VERSION:-v3.6.16}
ARGO_VERSION=${ARGO_VERSION:-v4.0.5}

# Binaries live outside git in a directory keyed by all three versions, so changing a pin
# rebuilds and an unchanged pin reuses what a previous run built.
ARGO_GEN_K8S_BIN_ROOT=${ARGO_GEN_K8S_BIN:-$HOME/.cache/argo-gen-k8s-bin}
BIN_DIR=${BIN_DIR:-$ARGO_GEN_K8S_BIN_ROOT/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_argo-${ARGO_VERSION}}

CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$CLUSTER_DIR/../.." && pwd)
