import { dag, workflow } from '@argo-gen/dsl';
import { daemonSetRolling, perfCheck } from '@argo-gen/steps';

// A node agent (DaemonSet) updated with a surge of one node (the new pod starts before the old one goes, so no node
// is ever without it), judged by a k6 gate once every node runs it; a rollout that does not complete, or a failed
// gate, puts the image read before back and fails the workflow.
const release = daemonSetRolling({
  name: 'agent',
  daemonSet: { name: 'node-agent', namespace: 'shop' },
  image: 'registry.example.com/shop/node-agent@sha256:5b2d0b3f1ad9d1b7b5c2f0e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29',
  maxSurge: 1,
  gate: perfCheck({
    name: 'agent-gate',
    target: { service: { name: 'node-agent', namespace: 'shop', port: 9100, path: '/healthz' } },
    thresholds: { errorRate: 0 },
  }),
  timeout: '15m',
  serviceAccountName: 'shop-deployer',
});

export default workflow(
  { generateName: 'daemonset-rolling-' },
  { spec: { executor: { serviceAccountName: 'argo-executor' } }, entrypoint: dag('release', release) },
);
