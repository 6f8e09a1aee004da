import { container, inputs, param, workflow, workflowParams } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// One container, one typed input. `i.who` is a handle: it renders as {{inputs.parameters.who}} and a typo in its
// name is a compile error. The workflow parameter of the same name feeds the entrypoint's input.
const i = inputs({ who: param.string({ default: 'world' }) });
const hello = container(
  'hello',
  { image: images.busybox, securityContext: restrictedSecurityContext(65534), command: ['echo', `hello ${i.who}`] },
  { inputs: i },
);

export default workflow(
  { generateName: 'hello-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: hello,
    params: workflowParams({ who: param.string({ default: 'world' }) }),
  },
);
