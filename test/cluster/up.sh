#!/usr/bin/env bash
# Start the test cluster on loopback: etcd, kube-apiserver (RBAC + static tokens), Argo's CRDs,
# the Argo workflow-controller and the fake kubelet. Writes $STATE/env.sh for the tests.
# Builds missing binaries first (build.sh; cached by version).
#
# Env: ARGO_GEN_K8S_STATE (state dir, default <repo>/.k8s-test), ARGO_GEN_ETCD_PORT,
#      ARGO_GEN_ETCD_PEER_PORT, ARGO_GEN_APISERVER_PORT, ARGO_GEN_K8S_CONTROLLER=0 (API server only:
#      no Argo controller, no fake kubelet), ARGO_GEN_K8S_READY_TIMEOUT (seconds, default 180),
#      ARGO_GEN_K8S_EXTRA_CRDS="v4.0.10 ..." (one more API server per release, with its full CRDs; lib.sh).
# On any failure it stops whatever it started (down.sh) and exits non-zero.
# -E: the ERR trap below (stop what was started) also fires for a failure inside a function.
set -eEuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
WITH_CONTROLLER=${ARGO_GEN_K8S_CONTROLLER:-1}
TIMEOUT=${ARGO_GEN_K8S_READY_TIMEOUT:-180}
T0=$SECONDS

for tool in go node openssl curl jq; do
  command -v "$tool" >/dev/null || { say "'$tool' is required"; exit 1; }
done

if [ "$WITH_CONTROLLER" = 1 ]; then "$CLUSTER_DIR/build.sh"; else "$CLUSTER_DIR/build.sh" etcd kube-apiserver; fi

# A previous run that was killed may have left processes: stop them first (no-op when clean).
"$CLUSTER_DIR/down.sh" --quiet
rm -rf "$LOGS"   # so a failure below shows this run's logs only

on_error() {
  say "start-up failed; last log lines:"
  for c in "${COMPONENTS[@]}"; do
    [ -f "$LOGS/$c.log" ] && { echo "--- $c.log" >&2; tail -n 15 "$LOGS/$c.log" >&2; }
  done
  "$CLUSTER_DIR/down.sh" --quiet || true
}
trap on_error ERR
trap 'on_error; exit 130' INT TERM

ports=("$ETCD_PORT" "$ETCD_PEER_PORT" "$APISERVER_PORT")
for i in "${!EXTRA_CRD_RELEASES[@]}"; do
  r=${EXTRA_CRD_RELEASES[$i]}
  [ -d "$SHARED_ARGO/$r/crds" ] || { say "no Argo CRDs for $r at $SHARED_ARGO/$r/crds (ARGO_GEN_K8S_EXTRA_CRDS)"; false; }
  ports+=("$(extra_port "$i")")
done
[ "$WITH_CONTROLLER" = 1 ] && ports+=("$ARGO_HEALTH_PORT")
for p in "${ports[@]}"; do
  if port_in_use "$p"; then say "port $p on 127.0.0.1 is already in use"; false; fi
done

rm -rf "$STATE/etcd-data" "$PKI"
mkdir -p "$PKI" "$LOGS"
chmod 700 "$STATE"

# --- PKI, tokens, kubeconfigs (fresh per run; test-only secrets) ---------------------------------
(
  cd "$PKI"
  cat > ca.cnf <<'EOF'
[req]
distinguished_name=dn
x509_extensions=v3_ca
prompt=no
[dn]
CN=argo-gen-test-ca
[v3_ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier=hash
EOF
  cat > apiserver.ext <<'EOF'
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:127.0.0.1,IP:10.96.0.1
EOF
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -config ca.cnf -keyout ca.key -out ca.crt
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr
  openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile apiserver.ext -out apiserver.crt
  openssl genrsa -out sa.key 2048
  openssl rsa -in sa.key -pubout -out sa.pub
) > "$LOGS/pki.log" 2>&1

ADMIN_TOKEN=$(openssl rand -hex 24)
DEV_TOKEN=$(openssl rand -hex 24)
# Format: token,user,uid,"groups". test-admin is cluster-admin (system:masters); test-dev has no
# rights at all until a test binds a Role to user test-dev (RBAC-denial tests).
cat > "$STATE/tokens.csv" <<EOF
$ADMIN_TOKEN,test-admin,uid-admin,"system:masters"
$DEV_TOKEN,test-dev,uid-dev,"argo-gen-devs"
EOF
printf '%s' "$ADMIN_TOKEN" > "$STATE/admin.token"
printf '%s' "$DEV_TOKEN" > "$STATE/dev.token"
for who in admin dev; do
  tok=$ADMIN_TOKEN; [ $who = dev ] && tok=$DEV_TOKEN
  cat > "$STATE/$who.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: argo-gen-test
  cluster: {server: "$SERVER", certificate-authority: "$PKI/ca.crt"}
users:
- name: test-$who
  user: {token: "$tok"}
contexts:
- name: argo-gen-test
  context: {cluster: argo-gen-test, user: test-$who, namespace: default}
current-context: argo-gen-test
EOF
done
chmod 600 "$STATE"/*.token "$STATE"/tokens.csv "$STATE"/*.kubeconfig

# start <component> <command...>: run in the background with its own log and PID file. `exec`
# makes the recorded PID the component itself, so down.sh can stop it directly.
start() {
  local name=$1; shift
  ( exec "$@" ) > "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/$name.pid"
}
alive_or_fail() { pid_alive "$1" || { say "$1 exited during start-up"; return 1; }; }

# --- etcd -------------------------------------------------------------------------------------
say "starting etcd on 127.0.0.1:$ETCD_PORT"
# --unsafe-no-fsync: test data only, much faster on disk. --max-request-bytes: Argo's full
# workflows CRD is ~1.2 MB as JSON, close to etcd's 1.5 MiB default.
start etcd "$ETCD_BIN" --name argo-gen-test --data-dir "$STATE/etcd-data" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster "argo-gen-test=http://127.0.0.1:$ETCD_PEER_PORT" \
  --unsafe-no-fsync --quota-backend-bytes 2147483648 --max-request-bytes 10485760 --log-level warn
etcd_ready() { alive_or_fail etcd && curl -sf "http://127.0.0.1:$ETCD_PORT/health"; }
wait_for 30 "etcd /health" etcd_ready

# --- kube-apiserver(s) ----------------------------------------------------------------------------
# start_apiserver <component> <port> [flags...]. --advertise-address: otherwise it looks for a default-route IP.
# --endpoint-reconciler-type=none: do not publish a loopback IP in the `kubernetes` Endpoints. ServiceAccount
# admission is off because no controller-manager creates `default` ServiceAccounts (envtest does the same).
# --request-timeout: on a loaded machine (2 cores, load 16) applying a full CRD took over the default 60 s (a 504).
start_apiserver() {
  local name=$1 port=$2; shift 2
  start "$name" "$APISERVER_BIN" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$port" \
    --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --client-ca-file="$PKI/ca.crt" \
    --token-auth-file="$STATE/tokens.csv" \
    --authorization-mode=RBAC \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-cluster-ip-range=10.96.0.0/16 \
    --endpoint-reconciler-type=none \
    --disable-admission-plugins=ServiceAccount \
    --request-timeout=5m \
    --cert-dir="$STATE/certs-$name" --profiling=false --v=1 "$@"
}
say "starting kube-apiserver on $SERVER"
start_apiserver kube-apiserver "$APISERVER_PORT"
# The extra ones start alongside (each its own store under its own etcd prefix), so their start-up overlaps.
for i in "${!EXTRA_CRD_RELEASES[@]}"; do
  r=${EXTRA_CRD_RELEASES[$i]}
  say "starting kube-apiserver-$r (Argo $r CRDs) on https://127.0.0.1:$(extra_port "$i")"
  start_apiserver "kube-apiserver-$r" "$(extra_port "$i")" --etcd-prefix="$(etcd_prefix "$r")"
done
# readyz <component> <server>
readyz() { local SERVER=$2; alive_or_fail "$1" && kcurl GET /readyz; }
wait_for "$TIMEOUT" "kube-apiserver /readyz" readyz kube-apiserver "$SERVER"
for i in "${!EXTRA_CRD_RELEASES[@]}"; do
  r=${EXTRA_CRD_RELEASES[$i]}
  wait_for "$TIMEOUT" "kube-apiserver-$r /readyz" readyz "kube-apiserver-$r" "https://127.0.0.1:$(extra_port "$i")"
done
say "kube-apiserver(s) ready after $((SECONDS - T0))s"

# --- Argo CRDs: the full schemas of the controller's own version ---------------------------------
# The full CRDs (manifests/base/crds/full, what `manifests/cluster-install` installs) of the same
# version as the controller, from ../shared (never copied into the repo); an extra API server gets its release's.
# install_crds <server> <dir>
install_crds() {
  local SERVER=$1 dir=$2 f b name crd_names=()
  [ -d "$dir" ] || { say "Argo CRDs not found at $dir (need ../shared beside the repo)"; return 1; }
  say "applying Argo CRDs from $dir to $SERVER"
  for f in "$dir"/argoproj.io_*.yaml; do
    # argoproj.io_workflows.yaml -> workflows.argoproj.io
    b=$(basename "$f" .yaml); name=${b#argoproj.io_}.argoproj.io
    # Server-side apply: the full CRDs are too big for client-side apply's annotation. (Sending all 8
    # in parallel was measured: no faster, the API server is CPU-bound either way.)
    apply "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$name" "$f" > /dev/null
    crd_names+=("$name")
  done
  established() {
    local n
    for n in "${crd_names[@]}"; do
      kcurl GET "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$n" \
        | jq -e '.status.conditions[]? | select(.type == "Established" and .status == "True")' > /dev/null || return 1
    done
  }
  wait_for 120 "CRDs Established on $SERVER" established
  say "${#crd_names[@]} CRDs established on $SERVER after $((SECONDS - T0))s"
}
install_crds "$SERVER" "${ARGO_GEN_ARGO_CRDS:-$ARGO_CRDS}"
crd_servers="$ARGO_VERSION=$SERVER"
# One API server after the other: installing into both at once was tried, for no gain (the machine is CPU-bound
# either way), and under load a CRD apply then ran past the API server's request timeout.
for i in "${!EXTRA_CRD_RELEASES[@]}"; do
  r=${EXTRA_CRD_RELEASES[$i]}
  install_crds "https://127.0.0.1:$(extra_port "$i")" "$SHARED_ARGO/$r/crds"
  crd_servers+=" $r=https://127.0.0.1:$(extra_port "$i")"
done

if [ "$WITH_CONTROLLER" = 1 ]; then
  # --- Argo workflow-controller -------------------------------------------------------------------
  # The ConfigMap must exist before start (the controller exits otherwise). Metrics and telemetry
  # off: no :9090 listener. One `config` key holding YAML: with one key per setting, Argo pastes
  # "key: value" lines together, so a single-line nested value like "enabled: false" breaks parsing.
  # `images` (images.json, as JSON, which is YAML) gives the entrypoints of the images whose containers in Argo's
  # examples have no command: without it the controller asks the image's registry, which the cluster cannot reach.
  echo '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"argo"}}' | apply /api/v1/namespaces/argo - > /dev/null
  jq -n --slurpfile images "$CLUSTER_DIR/images.json" '{apiVersion: "v1", kind: "ConfigMap",
          metadata: {name: "workflow-controller-configmap", namespace: "argo"},
          data: {config: ("metricsConfig:\n  enabled: false\ntelemetryConfig:\n  enabled: false\nimages: "
                          + ($images[0] | tojson) + "\n")}}' \
    | apply /api/v1/namespaces/argo/configmaps/workflow-controller-configmap - > /dev/null
  say "starting workflow-controller (healthz on :$ARGO_HEALTH_PORT)"
  # DEFAULT_REQUEUE_TIME: Argo re-examines a workflow at most every 10 s by default, so each DAG level
  # would take ~10 s; 1 s (the floor Argo's own comments recommend) keeps tests fast.
  # --qps/--burst: the controller's client-side throttle (default 20/s, burst 30) is sized for a shared production
  # API server; the differential suite runs ~100 workflows at once, and at 20 requests/s each reconcile waited
  # seconds for its turn (the log's "client-side throttling"). Our API server is the controller's alone.
  start workflow-controller env LEADER_ELECTION_DISABLE=true \
    DEFAULT_REQUEUE_TIME="${ARGO_GEN_ARGO_REQUEUE_TIME:-1s}" "$CONTROLLER_BIN" \
    --kubeconfig "$STATE/admin.kubeconfig" --namespace argo \
    --qps "${ARGO_GEN_ARGO_QPS:-1000}" --burst "${ARGO_GEN_ARGO_BURST:-2000}" \
    --configmap workflow-controller-configmap --loglevel info
  wfc_ready() { alive_or_fail workflow-controller && curl -sf "http://127.0.0.1:$ARGO_HEALTH_PORT/healthz"; }
  wait_for 60 "workflow-controller /healthz" wfc_ready

  # --- fake kubelet (TypeScript, run with tsx's loader in one node process) ----------------------
  # tsx comes from the workspace (root devDependency); outside it, install the pinned version once
  # into the binary cache. `node --import tsx` keeps it one process, so its PID file is exact.
  TSX_DIR=$REPO_ROOT
  if [ ! -d "$REPO_ROOT/node_modules/tsx" ]; then
    TSX_DIR=$ARGO_GEN_K8S_BIN_ROOT/tsx-4.23.15
    [ -d "$TSX_DIR/node_modules/tsx" ] || npm install --silent --no-save --prefix "$TSX_DIR" tsx@4.23.15 >&2
  fi
  say "starting fake kubelet"
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
  start fake-kubelet env ARGO_GEN_K8S_SERVER="$SERVER" ARGO_GEN_K8S_CA="$PKI/ca.crt" \
    ARGO_GEN_K8S_TOKEN_FILE="$STATE/admin.token" \
    bash -c 'cd "$1" && exec node --import tsx "$2"' _ "$TSX_DIR" "$CLUSTER_DIR/fake-kubelet.ts"
  # It logs "watching pods" once Node fake-node-0 exists and its first pod list is done.
  kubelet_ready() { alive_or_fail fake-kubelet && grep -q 'watching pods' "$LOGS/fake-kubelet.log"; }
  wait_for 60 "fake kubelet" kubelet_ready
fi

cat > "$STATE/env.sh" <<EOF
# Generated by test/cluster/up.sh; source it to talk to the test cluster.
export KUBECONFIG='$STATE/admin.kubeconfig'
export ARGO_GEN_K8S_STATE='$STATE'
export ARGO_GEN_K8S_SERVER='$SERVER'
export ARGO_GEN_K8S_CA='$PKI/ca.crt'
export ARGO_GEN_K8S_ADMIN_KUBECONFIG='$STATE/admin.kubeconfig'
export ARGO_GEN_K8S_DEV_KUBECONFIG='$STATE/dev.kubeconfig'
export ARGO_GEN_K8S_ADMIN_TOKEN_FILE='$STATE/admin.token'
export ARGO_GEN_K8S_DEV_TOKEN_FILE='$STATE/dev.token'
export ARGO_GEN_K8S_CONTROLLER='$WITH_CONTROLLER'
export ARGO_GEN_K8S_ARGO_VERSION='$ARGO_VERSION'
# Each Argo release whose full CRDs an API server of this cluster carries, and that server (same CA and tokens).
export ARGO_GEN_K8S_CRD_SERVERS='$crd_servers'
EOF
trap - ERR INT TERM
say "cluster ready in $((SECONDS - T0))s; source $STATE/env.sh"
