// Port of Argo's examples/workflow-template/retry-with-steps.yaml.
import { step, steps, templateRef, workflow } from '@argo-gen/dsl';
import { randomFail, randomFailTemplate } from './templates.js';

const randomFailRef = templateRef(randomFailTemplate, randomFail);

export default workflow(
  { generateName: 'workflow-template-retry-with-steps-' },
  {
    entrypoint: steps('retry-with-steps', [
      [step('hello1', randomFailRef)],
      [step('hello2a', randomFailRef), step('hello2b', randomFailRef)],
    ]),
  },
);
