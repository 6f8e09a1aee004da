// @argo-gen/steps: typed steps for kaniko, kubectl, ansible and k6, and deployment strategies built from them.
export {
  type AnsibleInputs,
  type AnsibleOptions,
  ansible,
  type PlaybookConfigMapSource,
  type PlaybookGitSource,
  type PlaybookSource,
} from './ansible.js';
export {
  type AnsibleCluster,
  type AnsibleClustersOptions,
  type AnsibleClustersOutputs,
  ansibleClusters,
} from './ansible-clusters.js';
export { type FailOptions, fail } from './fail.js';
export { type ImageName, images, UNPINNED } from './images.js';
export { restricted as restrictedSecurityContext } from './internal/pod-security.js';
export {
  type KanikoArtifactContext,
  type KanikoContext,
  type KanikoDirContext,
  type KanikoGitContext,
  type KanikoInputs,
  type KanikoOptions,
  type KanikoOutputs,
  kaniko,
} from './kaniko.js';
export {
  type CurrentImageOptions,
  type KubectlCommon,
  kubectl,
  type RolloutStatusOptions,
  type RolloutUndoOptions,
  type ScaleOptions,
  type SetImageOptions,
  type Workload,
} from './kubectl.js';
export type {
  ApplyArtifactSource,
  ApplyGitSource,
  ApplyInputs,
  ApplyOptions,
  ApplySource,
  KubectlApply,
} from './kubectl-apply.js';
export {
  type DaemonSetUpdateOptions,
  type PartitionOptions,
  type ReleaseStuckPodsOptions,
  rolloutPermissions,
} from './kubectl-rollout.js';
export {
  type PerfCheckInputs,
  type PerfCheckOptions,
  type PerfCheckOutputs,
  type PerfCheckTemplate,
  type PerfTarget,
  type PerfThresholds,
  perfCheck,
} from './perf-check.js';
export { LABEL_NAME, METRIC_NAME, type PerfMetricsOptions } from './perf-metrics.js';
export {
  type CanaryOptions,
  canary,
  canaryReplicas,
  type DaemonSetRollingOptions,
  daemonSetRolling,
  daemonSetRollingPermissions,
  type GateTemplate,
  type PromoteOptions,
  promote,
  type RollbackOptions,
  type RollingOptions,
  rollback,
  rolling,
  type StatefulSetCanaryOptions,
  type SubGraph,
  statefulSetCanary,
  statefulSetCanaryPermissions,
} from './strategies/index.js';
export { type WebhookInputs, type WebhookOptions, webhook } from './webhook.js';
