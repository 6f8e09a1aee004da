// Port of Argo's examples/retry-backoff.yaml: a retryStrategy with exponential backoff.
import { container, workflow } from '@argo-gen/dsl';

const retryBackoff = container(
  'retry-backoff',
  {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
  { retryStrategy: { limit: '10', backoff: { duration: '1', factor: '2', maxDuration: '1m', cap: '5' } } },
);

export default workflow({ generateName: 'retry-backoff-' }, { entrypoint: retryBackoff });
