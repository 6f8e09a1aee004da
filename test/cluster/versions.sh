# shellcheck shell=bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# Pinned versions of the test cluster and the cache/state locations derived from them.
# Sourced by build.sh, up.sh, down.sh. Every value can be overridden from the environment.
#
# Pins (see docs/cluster.md):
# - Kubernetes v1.36.3 (staging modules v0.36.3) and etcd v3.6.16, from the Go module proxy.
# - Argo v4.1.2, the version our schema describes: the proxy does not serve it, so the controller is
#   built from Argo's Go module in ../shared/argo/src/v4.1.2 (read-only; its own go.mod and go.sum),
#   and the full CRDs come from ../shared/argo/v4.1.2/crds.

K8S_VERSION=${K8S_VERSION:-v1.36.3}
ETCD_VERSION=${ETCD_VERSION:-v3.6.16}
ARGO_VERSION=${ARGO_VERSION:-v4.1.2}

CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$CLUSTER_DIR/../.." && pwd)
SHARED_ARGO=${ARGO_GEN_SHARED_ARGO:-$REPO_ROOT/../shared/argo}
ARGO_SRC=$SHARED_ARGO/src/$ARGO_VERSION
ARGO_CRDS=$SHARED_ARGO/$ARGO_VERSION/crds

# Binaries live outside git, each in a directory keyed by its own version (the controller's also by
# the source commit), so changing one pin rebuilds that binary only and an unchanged pin reuses it.
ARGO_GEN_K8S_BIN_ROOT=${ARGO_GEN_K8S_BIN:-$HOME/.cache/argo-gen-k8s-bin}
argo_commit=$(cat "$ARGO_SRC/COMMIT" 2>/dev/null | cut -c1-12 || true)
ETCD_BIN=$ARGO_GEN_K8S_BIN_ROOT/etcd-$ETCD_VERSION/etcd
APISERVER_BIN=$ARGO_GEN_K8S_BIN_ROOT/k8s-$K8S_VERSION/kube-apiserver
CONTROLLER_BIN=$ARGO_GEN_K8S_BIN_ROOT/argo-$ARGO_VERSION${argo_commit:+-$argo_commit}/workflow-controller
