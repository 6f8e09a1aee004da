import { container, inputs, output, param, workflowTemplate } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// A WorkflowTemplate used as a library: it has no entrypoint, only templates other workflows call through
// templateRef (see template-ref.ts). Exporting the template values is what makes those calls typed.
const i = inputs({ text: param.string() });
export const shout = container(
  'shout',
  {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['sh', '-c', 'echo "$1" | tr a-z A-Z | tee /tmp/out', 'shout', i.text],
  },
  { inputs: i, outputs: { loud: output.path('/tmp/out') } },
);

export default workflowTemplate('text-library', {
  templates: [shout],
  spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
});
