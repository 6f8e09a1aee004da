import { container, globals, workflow } from '@argo-gen/dsl';

// Resilience is template configuration: retry a flaky call with backoff, bound it with a timeout, and always run an
// exit handler that sees how the workflow ended (`globals.status` renders {{workflow.status}}).
const flaky = container(
  'flaky',
  { image: 'curlimages/curl:8.11.1', command: ['curl', '--fail', '--max-time', '10', 'https://burger.example/health'] },
  {
    retryStrategy: { limit: 3, retryPolicy: 'Always', backoff: { duration: '5s', factor: 2, maxDuration: '1m' } },
    timeout: '2m',
  },
);
const notify = container('notify', {
  image: 'busybox:1.37.0',
  command: ['echo', `workflow finished: ${globals.status}`],
});

export default workflow({ generateName: 'retry-timeout-exit-' }, { entrypoint: flaky, onExit: notify });
