import { dag, workflowTemplate } from '@argo-gen/dsl';
import { rollback } from '@argo-gen/steps';

/**
 * Puts production back on the previous revision of every component and verifies each rollout. Submit it by hand
 * (`argo submit --from workflowtemplate/burger-rollback -n burger-ci`) when a release misbehaves after the pipeline
 * has finished; frontend first, so users meet the old frontend before the old backend.
 */
const NS = 'burger-prod';
const SA = 'burger-deployer';

const frontend = rollback({ name: 'frontend', workload: { name: 'frontend', namespace: NS }, serviceAccountName: SA });
const backend = rollback({
  name: 'backend',
  workload: { name: 'backend', namespace: NS },
  after: [frontend.done],
  serviceAccountName: SA,
});
const database = rollback({
  name: 'database',
  workload: { kind: 'StatefulSet', name: 'database', namespace: NS },
  timeout: '10m',
  after: [backend.done],
  serviceAccountName: SA,
});

export const rollbackProd = dag('rollback', [...frontend, ...backend, ...database]);

export default workflowTemplate('burger-rollback', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  entrypoint: rollbackProd,
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});
