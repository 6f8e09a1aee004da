import { container, dag, inputs, output, param, task, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// Your first WorkflowTemplate: edit it, run `npx argo-gen generate`, and commit this file with generated/hello.yaml.
// Inputs and outputs are typed handles: `greet.outputs.parameters.greeting` renders as
// {{tasks.greet.outputs.parameters.greeting}} and makes `show` depend on `greet`; a misspelled name does not compile.

const gi = inputs({ who: param.string() });
const greetTemplate = container(
  'greet',
  {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['sh', '-c', 'echo "hello $WHO" > /tmp/greeting'],
    env: [{ name: 'WHO', value: `${gi.who}` }],
  },
  { inputs: gi, outputs: { greeting: output.path('/tmp/greeting') } },
);

const si = inputs({ greeting: param.string() });
const showTemplate = container(
  'show',
  { image: images.busybox, securityContext: restrictedSecurityContext(65534), command: ['echo', si.greeting] },
  { inputs: si },
);

const params = workflowParams({ who: param.string({ default: 'world' }) });
const greet = task('greet', greetTemplate, { args: { who: params.who } });
const show = task('show', showTemplate, { args: { greeting: greet.outputs.parameters.greeting } });

export default workflowTemplate('hello', {
  params,
  entrypoint: dag('main', [greet, show]),
  // The steps never call the Kubernetes API: no token in their pods; Argo's executor uses this ServiceAccount's.
  spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
});
