import { container, dag, inputs, output, param, task, workflow } from '@argo-gen/dsl';

// A DAG whose edges come from data: `consume` reads `produce`'s output, so it depends on it without saying so.
// Outputs are typed: `produce.outputs.parameters.mesage` would not compile.
const produceTemplate = container(
  'produce',
  { image: 'busybox:1.37.0', command: ['sh', '-c', 'echo -n "42 burgers" > /tmp/message'] },
  { outputs: { message: output.path('/tmp/message') } },
);
const ci = inputs({ message: param.string() });
const consumeTemplate = container(
  'consume',
  { image: 'busybox:1.37.0', command: ['echo', ci.message] },
  { inputs: ci },
);

const produce = task('produce', produceTemplate);
const consume = task('consume', consumeTemplate, { args: { message: produce.outputs.parameters.message } });

export default workflow({ generateName: 'dag-data-' }, { entrypoint: dag('main', [produce, consume]) });
