// Port of Argo's examples/workflow-template/hello-world.yaml: one step calling a WorkflowTemplate's template.
import { step, steps, templateRef, workflow } from '@argo-gen/dsl';
import { printMessage, printMessageTemplate } from './templates.js';

const call = step('call-print-message', templateRef(printMessageTemplate, printMessage), {
  args: { message: 'hello world' },
});

export default workflow(
  { generateName: 'workflow-template-hello-world-' },
  { entrypoint: steps('hello-world-from-templateRef', [[call]]) },
);
