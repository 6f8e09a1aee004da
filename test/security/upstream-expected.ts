// Expected security findings on Argo's upstream examples (../shared/argo/v4.1.2/examples), written down so that a
// change to a rule shows up as a reviewed diff. `test/security/upstream.test.ts` recomputes them.
//
// Errors (default mode): every one of them, by file. Each injection finding is a value that reaches code by text
// substitution from a workflow parameter without an enum, an input of a WorkflowTemplate (any caller may fill it),
// a task/step output or a withParam item: true positives by the rule's definition. None is a false positive in the
// sense of "the value cannot reach the code"; `BENIGN` lists those whose values, in the example as written, are numbers
// or names the workflow computes itself, so an attacker needs to control an earlier step's output first. They are
// counted, and kept as errors: outputs are untrusted by definition (a step that reads a file, an API or a payload
// passes on what it read).
//
// Warnings (counted by code): every image in the examples is pinned by tag, none by digest (312, all true). The
// 302 automount-token warnings are the heuristic part: YAML does not say whether a template calls the API, so every
// container/script/containerSet pod without its own ServiceAccount or `automountServiceAccountToken: false` is
// reported. Most upstream examples really do not need a token (echo, cowsay); those that do (k8s-*.yaml running
// kubectl) are false positives of the heuristic until they name a ServiceAccount. Resource templates are not
// reported (argoexec needs the API for them).
//
// Strict mode adds the restricted Pod Security checks: no upstream pod sets allowPrivilegeEscalation, runAsNonRoot,
// seccomp or drops capabilities, so each container is reported once per check (316, all true).

export const UPSTREAM_ERRORS: readonly string[] = [
  'artifact-path-placeholders.yaml: error security/injection /spec/templates/0/container/command/2',
  'ci-workflowtemplate.yaml: error security/injection /spec/templates/3/container/args/0',
  'container-set-template/outputs-result-workflow.yaml: error security/injection /spec/templates/2/script/source',
  'cron-backfill.yaml: error security/injection /spec/templates/0/script/source',
  'data-transformations.yaml: error security/injection /spec/templates/2/container/args/0',
  'exit-handler-with-param.yaml: error security/injection /spec/templates/2/script/source',
  'fibonacci-seq-conditional-param.yaml: error security/injection /spec/templates/4/script/source',
  'fibonacci-seq-conditional-param.yaml: error security/injection /spec/templates/5/container/args/0',
  'k8s-orchestration.yaml: error security/injection /spec/templates/2/container/args/0',
  'k8s-orchestration.yaml: error security/injection /spec/templates/3/resource/manifest',
  'k8s-wait-wf.yaml: error security/injection /spec/templates/2/resource/manifest',
  'loops-arbitrary-sequential-steps.yaml: error security/injection /spec/templates/1/container/args/0',
  'loops-param-result.yaml: error security/injection /spec/templates/2/container/args/0',
  'map-reduce.yaml: error security/injection /spec/templates/1/script/source',
  'nested-workflow.yaml: error security/injection /spec/templates/3/container/args/0',
  'parallelism-nested-workflow.yaml: error security/injection /spec/templates/2/container/args/0',
  'parallelism-nested.yaml: error security/injection /spec/templates/2/container/args/0',
  'parameter-aggregation-dag.yaml: error security/injection /spec/templates/2/container/args/0',
  'parameter-aggregation-script.yaml: error security/injection /spec/templates/2/script/source',
  'parameter-aggregation.yaml: error security/injection /spec/templates/2/script/source',
  'pod-spec-from-previous-step.yaml: error security/injection /spec/templates/2/script/source',
  'recursive-for-loop.yaml: error security/injection /spec/templates/2/script/source',
  'scripts-bash.yaml: error security/injection /spec/templates/2/container/args/0',
  'scripts-javascript.yaml: error security/injection /spec/templates/2/container/args/0',
  'scripts-python.yaml: error security/injection /spec/templates/2/container/args/0',
  'sidecar-dind.yaml: error security/privileged /spec/templates/0/sidecars/0/securityContext',
  'variables-showcase.yaml: error security/injection /spec/templates/1/script/source',
  'variables-showcase.yaml: error security/injection /spec/templates/3/container/args/0',
  'variables-showcase.yaml: error security/injection /spec/templates/5/script/source',
  'variables-showcase.yaml: error security/injection /spec/templates/6/container/args/0',
];

/** Files whose injection findings carry values the workflow computes itself (see above). */
export const BENIGN: readonly string[] = [
  'container-set-template/outputs-result-workflow.yaml',
  'fibonacci-seq-conditional-param.yaml',
  'k8s-orchestration.yaml',
  'loops-param-result.yaml',
  'map-reduce.yaml',
  'nested-workflow.yaml',
  'parallelism-nested-workflow.yaml',
  'parallelism-nested.yaml',
  'parameter-aggregation-dag.yaml',
  'parameter-aggregation-script.yaml',
  'parameter-aggregation.yaml',
  'recursive-for-loop.yaml',
];

export const DEFAULT_COUNTS: Readonly<Record<string, number>> = {
  'security/image-digest': 312,
  'security/automount-token': 302,
  'security/injection': 29,
  'security/privileged': 1,
};

export const STRICT_COUNTS: Readonly<Record<string, number>> = {
  'security/capabilities': 316,
  'security/privilege-escalation': 316,
  'security/run-as-root': 316,
  'security/seccomp': 316,
  'security/image-digest': 312,
  'security/automount-token': 302,
  'security/injection': 29,
  'security/privileged': 1,
};
