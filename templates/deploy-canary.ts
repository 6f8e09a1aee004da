import { dag, inputs, param, suspend, task, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { canary, kubectl, perfCheck, statefulSetCanary } from '@argo-gen/steps';

/**
 * Releases the Burger Stack to production. The database (a StatefulSet of 3) goes first, after a person approves:
 * exactly the image that passed staging, as a canary by partition (the pod with the highest ordinal first), judged
 * by a k6 gate against the backend, which queries it; a failed step sets the old image back on every pod. Then
 * frontend and backend go out as canaries (10% → 50% → 100% of 10 pods, by replica count behind one Service), each
 * step judged by a k6 gate against the canary's own Service; any failed gate rolls back.
 */
const NS = 'burger-prod';
const SA = 'burger-deployer';

const i = inputs({
  'frontend-image': param.string({ description: 'repository@digest of the frontend' }),
  'backend-image': param.string({ description: 'repository@digest of the backend' }),
});

const gate = (service: string, p95Ms: number, name = `${service}-gate`) =>
  perfCheck({
    name,
    target: { service: { name: service, namespace: NS } },
    duration: '2m',
    vus: 20,
    thresholds: { p95Ms, errorRate: 0.01 },
    mode: 'gate',
  });

// What runs in staging is what production gets: its image is read there, then a person approves.
const source = task(
  'database-source-image',
  kubectl.currentImage({
    name: 'database-read-staging-image',
    workload: { kind: 'StatefulSet', name: 'database', namespace: 'burger-staging' },
    serviceAccountName: SA,
  }),
);
const approve = task('database-approve', suspend('database-approval'), { after: [source] });
const database = statefulSetCanary({
  name: 'database',
  statefulSet: { name: 'database', namespace: NS },
  image: source.outputs.parameters.image,
  replicas: 3,
  steps: [1],
  // Judged where users feel it: the backend's latency, with a share of its queries on the new database.
  gate: gate('backend', 250, 'database-gate'),
  after: [approve],
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

export const deployProd = dag('deploy-canary', [source, approve, ...database, ...backend, ...frontend], {
  inputs: i,
});

export default workflowTemplate('burger-deploy-canary', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: workflowParams({ 'frontend-image': param.string(), 'backend-image': param.string() }),
  entrypoint: deployProd,
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});
