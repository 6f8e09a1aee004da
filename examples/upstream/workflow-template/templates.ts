// Port of Argo's examples/workflow-template/templates.yaml: five WorkflowTemplates. The other workflow-template/ ports
// call their templates through typed `templateRef`s to these values, across files.
import {
  container,
  dag,
  inputs,
  param,
  step,
  steps,
  task,
  templateRef,
  workflowParams,
  workflowTemplate,
} from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
export const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);

export const printMessageTemplate = workflowTemplate('workflow-template-print-message', { entrypoint: printMessage });
const remotePrint = templateRef(printMessageTemplate, printMessage);

export const randomFail = container(
  'random-fail-template',
  {
    image: 'python:alpine3.23',
    command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  },
  { retryStrategy: { limit: 10 } },
);
export const randomFailTemplate = workflowTemplate('workflow-template-random-fail-template', {
  templates: [randomFail],
});

export const innerSteps = steps('inner-steps', [
  [step('inner-hello1', remotePrint, { args: { message: 'inner-hello1' } })],
  [
    step('inner-hello2a', remotePrint, { args: { message: 'inner-hello2a' } }),
    step('inner-hello2b', printMessage, { args: { message: 'inner-hello2b' } }),
  ],
]);
export const innerStepsTemplate = workflowTemplate('workflow-template-inner-steps', {
  templates: [printMessage, innerSteps],
});

const innerA = task('inner-A', remotePrint, { args: { message: 'inner-A' } });
const innerB = task('inner-B', printMessage, { args: { message: 'inner-B' }, after: [innerA] });
const innerC = task('inner-C', printMessage, { args: { message: 'inner-C' }, after: [innerA] });
const innerD = task('inner-D', remotePrint, { args: { message: 'inner-D' }, after: [innerB, innerC] });
export const innerDiamond = dag('inner-diamond', [innerA, innerB, innerC, innerD]);
export const innerDagTemplate = workflowTemplate('workflow-template-inner-dag', {
  templates: [printMessage, innerDiamond],
});

const wp = workflowParams({ message: param.string({ default: 'hello world' }) });
export const submittable = workflowTemplate('workflow-template-submittable', { entrypoint: printMessage, params: wp });

export default [printMessageTemplate, randomFailTemplate, innerStepsTemplate, innerDagTemplate, submittable];
