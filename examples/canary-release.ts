import { dag, workflow } from '@argo-gen/dsl';
import { canary, perfCheck } from '@argo-gen/steps';

// A whole deployment shape from one function call: a canary at 25% then 100% of 4 pods, a k6 gate after each step,
// promotion when both pass, rollback (and a failed workflow) when any fails. The strategy returns plain tasks.
const release = canary({
  name: 'web',
  stable: { name: 'web', namespace: 'shop' },
  image: 'registry.example.com/shop/web@sha256:4f0c1b3f1ad9d1b7b5c2f0e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29',
  replicas: 4,
  weights: [25, 100],
  gate: perfCheck({
    name: 'web-gate',
    target: { service: { name: 'web-canary', namespace: 'shop' } },
    thresholds: { p95Ms: 300 },
  }),
});

export default workflow(
  { generateName: 'canary-release-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('release', release),
  },
);
