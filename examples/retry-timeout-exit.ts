import { container, globals, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// Resilience is template configuration: retry a flaky call with backoff, bound it with a timeout, and always run an
// exit handler that sees how the workflow ended (`globals.status` renders {{workflow.status}}).
const flaky = container(
  'flaky',
  {
    image: 'curlimages/curl:8.11.1@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69',
    securityContext: restrictedSecurityContext(100),
    command: ['curl', '--fail', '--max-time', '10', 'https://burger.example/health'],
  },
  {
    retryStrategy: { limit: 3, retryPolicy: 'Always', backoff: { duration: '5s', factor: 2, maxDuration: '1m' } },
    timeout: '2m',
  },
);
const notify = container('notify', {
  image: images.busybox,
  securityContext: restrictedSecurityContext(65534),
  command: ['echo', `workflow finished: ${globals.status}`],
});

export default workflow(
  { generateName: 'retry-timeout-exit-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: flaky,
    onExit: notify,
  },
);
