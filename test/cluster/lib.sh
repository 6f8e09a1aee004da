# shellcheck shell=bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# Shared settings and helpers of the cluster scripts (sourced, never run).
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

# Per-run state: PKI, tokens, kubeconfigs, PID files, logs, etcd data. Gitignored (.k8s-test/).
STATE=${ARGO_GEN_K8S_STATE:-$REPO_ROOT/.k8s-test}
PKI=$STATE/pki
LOGS=$STATE/logs

# Loopback ports. Defaults avoid the well-known 2379/2380/6443 so a developer's own cluster
# does not clash; override them to run two clusters side by side (but see :6060 below).
ETCD_PORT=${ARGO_GEN_ETCD_PORT:-23790}
ETCD_PEER_PORT=${ARGO_GEN_ETCD_PEER_PORT:-23800}
APISERVER_PORT=${ARGO_GEN_APISERVER_PORT:-16443}
# The Argo controller hard-codes its healthz listener on :6060 (all interfaces); not configurable.
ARGO_HEALTH_PORT=6060
SERVER=https://127.0.0.1:$APISERVER_PORT

# More API servers, each with the full CRDs of another Argo release (ARGO_GEN_K8S_EXTRA_CRDS="v4.0.10 ..."): one API
# server holds one version of a CRD, and the conformance stage judges each Argo line by its own CRDs. Each is one more
# kube-apiserver on the same etcd under its own --etcd-prefix (a separate store: its own CRDs, namespaces, RBAC), on
# the next port: APISERVER_PORT+1, +2, ...
read -r -a EXTRA_CRD_RELEASES <<< "${ARGO_GEN_K8S_EXTRA_CRDS:-}"
EXTRA_APISERVERS=()
for r in "${EXTRA_CRD_RELEASES[@]}"; do EXTRA_APISERVERS+=("kube-apiserver-$r"); done
# And those a run that was killed left PID files of, so down.sh stops them whatever its environment says.
for f in "$STATE"/kube-apiserver-*.pid; do
  [ -e "$f" ] || continue
  n=$(basename "$f" .pid)
  [[ " ${EXTRA_APISERVERS[*]} " == *" $n "* ]] || EXTRA_APISERVERS+=("$n")
done
unset r f n
extra_port() { echo $((APISERVER_PORT + $1 + 1)); }   # extra_port <index in EXTRA_CRD_RELEASES>
etcd_prefix() { echo "/registry-$1"; }                # etcd_prefix <release> of an extra API server

# Components in start order. down.sh stops them in reverse order.
COMPONENTS=(etcd kube-apiserver "${EXTRA_APISERVERS[@]}" workflow-controller fake-kubelet)

say() { echo "[cluster $(date +%H:%M:%S)] $*" >&2; }

# port_in_use <port>: true when something accepts connections on 127.0.0.1:<port>.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive <component>: true when its PID file names a live process that is still that component
# (guards against killing an unrelated process that reused the PID).
pid_alive() {
  local f="$STATE/$1.pid" pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] || return 1
  case $1 in
    fake-kubelet) tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'fake-kubelet' ;;
    kube-apiserver-*) tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "--etcd-prefix=$(etcd_prefix "${1#kube-apiserver-}") " ;;
    *) tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$1" ;;
  esac
}

# kcurl <METHOD> <path> [curl args...]: a request to the API server as test-admin. Prints the body;
# fails on HTTP >= 400 (the body still goes to stdout so callers can show the Status message).
# (SERVER is the cluster's API server; a function may set a `local SERVER` to talk to an extra one.)
kcurl() {
  local method=$1 path=$2; shift 2
  curl -sS --fail-with-body -X "$method" --cacert "$PKI/ca.crt" \
    -H "Authorization: Bearer $(cat "$STATE/admin.token")" "$@" "$SERVER$path"
}

# apply <path> <json|yaml file or ->: server-side apply (creates or updates; idempotent).
apply() {
  kcurl PATCH "$1?fieldManager=argo-gen-test&force=true" \
    -H 'Content-Type: application/apply-patch+yaml' --data-binary "@$2"
}

# wait_for <seconds> <description> <command...>: poll every 0.2 s until the command succeeds.
wait_for() {
  local secs=$1 what=$2 deadline; shift 2
  deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then say "timed out after ${secs}s waiting for $what"; return 1; fi
    sleep 0.2
  done
}
