export { type CanaryOptions, canary, canaryReplicas } from './canary.js';
export { type DaemonSetRollingOptions, daemonSetRolling, daemonSetRollingPermissions } from './daemonset-rolling.js';
export type { GateTemplate } from './gate.js';
export { type PromoteOptions, promote } from './promote.js';
export { type RollbackOptions, rollback } from './rollback.js';
export { type RollingOptions, rolling } from './rolling.js';
export {
  type StatefulSetCanaryOptions,
  statefulSetCanary,
  statefulSetCanaryPermissions,
} from './statefulset-canary.js';
export type { SubGraph } from './subgraph.js';
