// Port of Argo's examples/global-parameters.yaml: a template reads a workflow parameter by handle.
import { container, param, workflow, workflowParams } from '@argo-gen/dsl';

const wp = workflowParams({ message: param.string({ default: 'hello world' }) });
const printMessage = container('print-message', { image: 'busybox', command: ['echo'], args: [wp.message] });

export default workflow({ generateName: 'global-parameters-' }, { entrypoint: printMessage, params: wp });
