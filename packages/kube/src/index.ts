// @argo-gen/kube: apply, submit and watch Argo objects through @kubernetes/client-node, with errors as argo-gen issues.
export {
  type ApplyOptions,
  type ApplyOutcome,
  type ApplyResult,
  applyObjects,
  applyTarget,
  formatApplyResult,
  outcomeOf,
} from './apply.js';
export { type BackoffPolicy, backoffDelay, type Random, type Sleep } from './backoff.js';
export {
  type ConnectOptions,
  connect,
  FIELD_MANAGER,
  type Kube,
  type RequestOptions,
  type VersionedList,
  type WatchEvent,
  type WatchQuery,
} from './client.js';
export { type Attempt, type Failure, issueFor, isTransient, type K8sStatus, toFailure, translate } from './errors.js';
export {
  APPLICABLE,
  ARGO_GROUP,
  ARGO_VERSION,
  describeRef,
  isResourceKind,
  type ObjectRef,
  RESOURCES,
  type Resource,
  type ResourceKind,
  refName,
  resolveKind,
} from './kinds.js';
export { isFallbackConfig, type KubeConfigOptions, type LoadedConfig, loadKubeConfig } from './kubeconfig.js';
export { type ArgoObject, type ObjectMeta, sameJson, withoutServerFields } from './object.js';
export {
  checkParameters,
  type DeclaredParameter,
  declaredParameters,
  type GivenParameters,
  parseParameterArgs,
} from './parameters.js';
export {
  elapsedMs,
  isFinished,
  type NodeProgress,
  type Phase,
  type WorkflowProgress,
  workflowProgress,
} from './progress.js';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './request-timeout.js';
export {
  planResume,
  type ResumeOptions,
  type ResumePlan,
  type ResumeResult,
  resumeWorkflow,
  type SuspendNode,
  suspendedNodes,
} from './resume.js';
export { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry.js';
export {
  type FromTemplateOptions,
  prepareFromTemplate,
  submitWorkflow,
  withParameters,
  workflowFromTemplate,
} from './submit.js';
export { formatDuration, WATCH_BACKOFF, type WatchOptions, watchWorkflow } from './watch.js';
