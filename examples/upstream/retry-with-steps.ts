// Port of Argo's examples/retry-with-steps.yaml: a retried template that prints its retry count by handle.
import { container, retries, step, steps, workflow } from '@argo-gen/dsl';

const randomFail = container(
  'random-fail',
  {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: [
      `import random; import sys; print('retries: ${retries}'); exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)`,
    ],
  },
  { retryStrategy: { limit: '10' } },
);

export default workflow(
  { generateName: 'retry-with-steps-' },
  {
    entrypoint: steps('retry-with-steps', [
      [step('hello1', randomFail)],
      [step('hello2a', randomFail), step('hello2b', randomFail)],
    ]),
  },
);
