#!/usr/bin/env bash
# Smoke test of the test cluster: RBAC and token auth, and the real Argo controller walking DAGs with
# the fake kubelet (success, failure chosen three ways, outputs driving `when`).
# Starts and always stops its own cluster through with-cluster.sh, unless one is already up
# (ARGO_GEN_K8S_SERVER set, e.g. when run by with-cluster.sh itself).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -z "${ARGO_GEN_K8S_SERVER:-}" ]; then exec "$HERE/with-cluster.sh" "$HERE/smoke.sh" "$@"; fi
source "$HERE/lib.sh"

NS=smoke
passed=0 failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
not_ok() { echo "FAIL - $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

# HTTP status of a request made with the given token file.
status_as() {
  curl -s -o /dev/null -w '%{http_code}' --cacert "$ARGO_GEN_K8S_CA" \
    -H "Authorization: Bearer $(cat "$1")" "$ARGO_GEN_K8S_SERVER$2"
}

# --- auth and RBAC ------------------------------------------------------------------------------
echo '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"smoke"}}' | apply /api/v1/namespaces/$NS - > /dev/null
WF_PATH=/apis/argoproj.io/v1alpha1/namespaces/$NS/workflows
check "admin token can list workflows (200)" [ "$(status_as "$ARGO_GEN_K8S_ADMIN_TOKEN_FILE" "$WF_PATH")" = 200 ]
check "dev token is forbidden (403)" [ "$(status_as "$ARGO_GEN_K8S_DEV_TOKEN_FILE" "$WF_PATH")" = 403 ]
echo garbage > "$STATE/bad.token"
check "unknown token is unauthorized (401)" [ "$(status_as "$STATE/bad.token" "$WF_PATH")" = 401 ]
check "CRD schema validation rejects a bad Workflow (422)" [ "$(
  curl -s -o /dev/null -w '%{http_code}' --cacert "$ARGO_GEN_K8S_CA" -X POST \
    -H "Authorization: Bearer $(cat "$ARGO_GEN_K8S_ADMIN_TOKEN_FILE")" -H 'Content-Type: application/json' \
    -d '{"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{"generateName":"bad-"},"spec":{"entrypoint":42}}' \
    "$ARGO_GEN_K8S_SERVER$WF_PATH")" = 422 ]

# --- workflows ----------------------------------------------------------------------------------
# dag_workflow <name-prefix> <jq filter applied to the base Workflow>: a DAG a -> b, plus edits.
dag_workflow() {
  jq -n --arg p "$1" '{
    apiVersion: "argoproj.io/v1alpha1", kind: "Workflow",
    metadata: {generateName: ($p + "-")},
    spec: {entrypoint: "main", templates: [
      {name: "main", dag: {tasks: [
        {name: "a", template: "step"},
        {name: "b", template: "step", dependencies: ["a"]}]}},
      {name: "step", container: {image: "alpine:3", command: ["true"]}}]}}' | jq "$2"
}
submit() { kcurl POST "$WF_PATH" -H 'Content-Type: application/json' --data-binary @- | jq -r .metadata.name; }
# wait_done <name>: prints the final phase (or "timeout" after 120 s).
wait_done() {
  local phase deadline=$((SECONDS + 120))
  while [ $SECONDS -lt $deadline ]; do
    phase=$(kcurl GET "$WF_PATH/$1" | jq -r '.status.phase // ""')
    case $phase in Succeeded | Failed | Error) echo "$phase"; return ;; esac
    sleep 0.5
  done
  echo timeout
}
# node_phase <workflow> <task>: phase of the DAG task's node, or "absent" if there is no such node.
node_phase() {
  kcurl GET "$WF_PATH/$1" | jq -r --arg t "$2" \
    '[.status.nodes // {} | .[] | select(.displayName == $t)][0].phase // "absent"'
}
expect() { # expect <workflow> <description> <wanted-phase> [<task> <wanted-node-phase>]...
  local wf=$1 what=$2 want=$3 t0=$SECONDS got; shift 3
  got=$(wait_done "$wf")
  check "$what: workflow $wf is $want (got $got, $((SECONDS - t0))s)" [ "$got" = "$want" ]
  while [ $# -gt 0 ]; do
    got=$(node_phase "$wf" "$1")
    check "$what: task $1 is $2 (got $got)" [ "$got" = "$2" ]
    shift 2
  done
}

wf=$(dag_workflow ok . | submit)
expect "$wf" "2-task DAG" Succeeded a Succeeded b Succeeded

# Failure chosen by a Workflow annotation: a fails, so b is Omitted and never gets a pod.
wf=$(dag_workflow fail-annotation '.metadata.annotations = {"argo-gen.test/fail-tasks": "a"}' | submit)
expect "$wf" "fail-tasks annotation" Failed a Failed b Omitted
check "fail-tasks annotation: only a's pod was created" [ "$(kcurl GET \
  "/api/v1/namespaces/$NS/pods?labelSelector=workflows.argoproj.io/workflow=$wf" | jq '.items | length')" = 1 ]

# Failure chosen by a template annotation, which Argo copies onto the pod.
wf=$(dag_workflow fail-template '.spec.templates += [{name: "broken", metadata: {annotations: {"argo-gen.test/fail": "true"}},
  container: {image: "alpine:3", command: ["false"]}}] | .spec.templates[0].dag.tasks[1].template = "broken"' | submit)
expect "$wf" "template fail annotation" Failed a Succeeded b Failed

# Failure chosen by the namespace's ConfigMap (for Workflows the test does not write itself).
jq -n '{apiVersion: "v1", kind: "ConfigMap", metadata: {name: "argo-gen-fake-kubelet", namespace: "smoke"},
        data: {"fail-tasks": "b"}}' | apply /api/v1/namespaces/$NS/configmaps/argo-gen-fake-kubelet - > /dev/null
wf=$(dag_workflow fail-configmap . | submit)
expect "$wf" "fail-tasks ConfigMap" Failed a Succeeded b Failed
kcurl DELETE /api/v1/namespaces/$NS/configmaps/argo-gen-fake-kubelet > /dev/null

# Declared outputs get values from the test; `when` conditions see them.
wf=$(dag_workflow outputs '
  .metadata.annotations = {"argo-gen.test/outputs": "{\"a\": {\"verdict\": \"go\"}}"}
  | .spec.templates += [{name: "judge", container: {image: "alpine:3", command: ["true"]},
      outputs: {parameters: [{name: "verdict", valueFrom: {path: "/tmp/verdict"}}]}}]
  | .spec.templates[0].dag.tasks[0].template = "judge"
  | .spec.templates[0].dag.tasks[1].when = "{{tasks.a.outputs.parameters.verdict}} == go"
  | .spec.templates[0].dag.tasks += [{name: "c", template: "step", dependencies: ["a"],
      when: "{{tasks.a.outputs.parameters.verdict}} != go"}]' | submit)
expect "$wf" "outputs drive when" Succeeded a Succeeded b Succeeded c Skipped
check "outputs: a's verdict parameter is 'go'" [ "$(kcurl GET "$WF_PATH/$wf" | jq -r \
  '[.status.nodes[] | select(.displayName == "a")][0].outputs.parameters[0].value')" = go ]

# Steps instead of a DAG, and a retried step: each retry is a new pod that fails again.
wf=$(jq -n '{apiVersion: "argoproj.io/v1alpha1", kind: "Workflow",
  metadata: {generateName: "steps-", annotations: {"argo-gen.test/fail-tasks": "flaky"}},
  spec: {entrypoint: "main", templates: [
    {name: "main", steps: [[{name: "first", template: "step"}], [{name: "flaky", template: "step"}]]},
    {name: "step", retryStrategy: {limit: 1}, container: {image: "alpine:3", command: ["true"]}}]}}' | submit)
expect "$wf" "steps with retries" Failed first Succeeded flaky Failed
check "steps with retries: flaky ran twice (2 attempts)" [ "$(kcurl GET "$WF_PATH/$wf" | jq \
  '[.status.nodes[] | select(.type == "Pod" and (.displayName | startswith("flaky(")))] | length')" = 2 ]

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
