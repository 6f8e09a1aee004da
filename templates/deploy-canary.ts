import { dag, inputs, param, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { canary, perfCheck, promote } from '@argo-gen/steps';

/**
 * Releases the Burger Stack to production. Frontend and backend go out as canaries (10% → 50% → 100% of 10 pods,
 * by replica count behind one Service), each step judged by a k6 gate against the canary's own Service; any failed
 * gate rolls back. The database is not canaried (one schema at a time): it is promoted from staging, exactly the
 * image that passed there, after a person approves.
 */
const NS = 'burger-prod';
const SA = 'burger-deployer';

const i = inputs({
  'frontend-image': param.string({ description: 'repository@digest of the frontend' }),
  'backend-image': param.string({ description: 'repository@digest of the backend' }),
});

const gate = (service: string, p95Ms: number) =>
  perfCheck({
    name: `${service}-gate`,
    target: { service: { name: service, namespace: NS } },
    duration: '2m',
    vus: 20,
    thresholds: { p95Ms, errorRate: 0.01 },
    mode: 'gate',
  });

const database = promote({
  name: 'database',
  from: { kind: 'StatefulSet', name: 'database', namespace: 'burger-staging' },
  to: { kind: 'StatefulSet', name: 'database', namespace: NS },
  approval: true,
  timeout: '10m',
  serviceAccountName: SA,
});
const backend = canary({
  name: 'backend',
  stable: { name: 'backend', namespace: NS },
  image: i['backend-image'],
  replicas: 10,
  weights: [10, 50, 100],
  gate: gate('backend-canary', 250),
  after: [database.done],
  serviceAccountName: SA,
});
const frontend = canary({
  name: 'frontend',
  stable: { name: 'frontend', namespace: NS },
  image: i['frontend-image'],
  replicas: 10,
  weights: [10, 50, 100],
  gate: gate('frontend-canary', 400),
  after: [backend.done],
  serviceAccountName: SA,
});

export const deployProd = dag('deploy-canary', [...database, ...backend, ...frontend], { inputs: i });

export default workflowTemplate('burger-deploy-canary', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: workflowParams({ 'frontend-image': param.string(), 'backend-image': param.string() }),
  entrypoint: deployProd,
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});
