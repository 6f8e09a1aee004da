// Port of Argo's examples/workflow-template/steps.yaml. Upstream passes `message` to inner-steps, which declares no
// inputs (Argo ignores it); the DSL refuses that argument, so this one step is a raw WorkflowStep (escape hatch).
import { step, steps, templateRef, workflow } from '@argo-gen/dsl';
import { innerSteps, innerStepsTemplate, printMessage, printMessageTemplate } from './templates.js';

const print = templateRef(printMessageTemplate, printMessage);
// The typed call is refused: `step('hello2a', templateRef(innerStepsTemplate, innerSteps), { args: { message } })`.
const innerStepsRef = templateRef(innerStepsTemplate, innerSteps);

export default workflow(
  { generateName: 'workflow-template-steps-' },
  {
    entrypoint: steps('hello-hello-hello', [
      [step('hello1', print, { args: { message: 'hello1' } })],
      [
        // raw entry
        {
          name: 'hello2a',
          templateRef: { name: innerStepsRef.workflowTemplate, template: innerStepsRef.template.name },
          arguments: { parameters: [{ name: 'message', value: 'hello2a' }] },
        },
        step('hello2b', print, { args: { message: 'hello2b' } }),
      ],
    ]),
  },
);
