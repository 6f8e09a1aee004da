import { dag, workflow } from '@argo-gen/dsl';
import { perfCheck, statefulSetCanary } from '@argo-gen/steps';

// A database StatefulSet of 5 released as a canary by partition: 1 pod, then 3, each judged by a k6 gate against the
// service that queries it; then every pod. Any failure after the image was set puts the image read before back on
// every pod (deleting canary pods stuck unready), and fails the workflow.
const release = statefulSetCanary({
  name: 'db',
  statefulSet: { name: 'db', namespace: 'shop' },
  image: 'registry.example.com/shop/db@sha256:9a1e0b3f1ad9d1b7b5c2f0e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29',
  replicas: 5,
  steps: [1, 3],
  gate: perfCheck({
    name: 'db-gate',
    target: { service: { name: 'api', namespace: 'shop' } },
    thresholds: { p95Ms: 250, errorRate: 0.01 },
  }),
  serviceAccountName: 'shop-deployer',
});

export default workflow(
  { generateName: 'statefulset-canary-' },
  { spec: { executor: { serviceAccountName: 'argo-executor' } }, entrypoint: dag('release', release) },
);
