import { rbac } from '@argo-gen/dsl';
import build from './build.js';
import configure from './configure.js';
import deployCanary from './deploy-canary.js';
import deployRolling from './deploy-rolling.js';
import perfMonitor from './perf-monitor.js';
import perfMonitorCron from './perf-monitor-cron.js';
import pipeline from './pipeline.js';
import pipelineOnPush from './pipeline-on-push.js';
import rollback from './rollback.js';

/**
 * The Burger Stack's ServiceAccounts, Roles and RoleBindings, derived from what its steps declare they do with the
 * Kubernetes API (docs/rbac.md): each account gets, per namespace it acts in, the union of its steps' needs. The
 * Git host's webhook calls Argo Server as `burger-github-webhook`, which may only start `burger-pipeline`.
 */
export default rbac('burger-stack', {
  workflows: [build, configure, deployCanary, deployRolling, perfMonitor, perfMonitorCron, pipeline, rollback],
  eventBindings: [{ binding: pipelineOnPush, serviceAccount: 'burger-github-webhook' }],
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
});
