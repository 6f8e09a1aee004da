import { container, dag, inputs, output, param, task, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// A DAG whose edges come from data: `consume` reads `produce`'s output, so it depends on it without saying so.
// Outputs are typed: `produce.outputs.parameters.mesage` would not compile.
const produceTemplate = container(
  'produce',
  {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['sh', '-c', 'echo -n "42 burgers" > /tmp/message'],
  },
  { outputs: { message: output.path('/tmp/message') } },
);
const ci = inputs({ message: param.string() });
const consumeTemplate = container(
  'consume',
  { image: images.busybox, securityContext: restrictedSecurityContext(65534), command: ['echo', ci.message] },
  { inputs: ci },
);

const produce = task('produce', produceTemplate);
const consume = task('consume', consumeTemplate, { args: { message: produce.outputs.parameters.message } });

export default workflow(
  { generateName: 'dag-data-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('main', [produce, consume]),
  },
);
