// Port of Argo's examples/arguments-parameters.yaml: a workflow argument feeds the entrypoint's input by name.
import { container, inputs, param, workflow, workflowParams } from '@argo-gen/dsl';

const wp = workflowParams({ message: param.string({ default: 'hello world' }) });
const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);

export default workflow({ generateName: 'arguments-parameters-' }, { entrypoint: printMessage, params: wp });
