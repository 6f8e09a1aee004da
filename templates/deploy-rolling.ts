import { dag, inputs, param, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { rolling } from '@argo-gen/steps';

/**
 * Deploys the Burger Stack to staging with rolling updates: each component is updated in place, waited for, and
 * undone (then failed) when its rollout does not complete. The template lives in `burger-ci`; its kubectl pods act
 * on `burger-staging` through the `burger-deployer` ServiceAccount (RoleBinding in burger-staging, docs/rbac.md).
 */
const NS = 'burger-staging';
const SA = 'burger-deployer';

const i = inputs({
  'frontend-image': param.string({ description: 'repository@digest of the frontend' }),
  'backend-image': param.string({ description: 'repository@digest of the backend' }),
  'database-image': param.string({ description: 'repository@digest of the database' }),
});

// The database goes first: the backend's new version may need its migrations.
const database = rolling({
  name: 'database',
  workload: { kind: 'StatefulSet', name: 'database', namespace: NS },
  image: i['database-image'],
  timeout: '10m',
  serviceAccountName: SA,
});
const backend = rolling({
  name: 'backend',
  workload: { name: 'backend', namespace: NS },
  image: i['backend-image'],
  after: [database.done],
  serviceAccountName: SA,
});
const frontend = rolling({
  name: 'frontend',
  workload: { name: 'frontend', namespace: NS },
  image: i['frontend-image'],
  after: [backend.done],
  serviceAccountName: SA,
});

export const deployStaging = dag('deploy-rolling', [...database, ...backend, ...frontend], { inputs: i });

export default workflowTemplate('burger-deploy-rolling', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: workflowParams({
    'frontend-image': param.string(),
    'backend-image': param.string(),
    'database-image': param.string(),
  }),
  entrypoint: deployStaging,
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});
