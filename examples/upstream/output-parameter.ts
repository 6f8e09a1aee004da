// Port of Argo's examples/output-parameter.yaml: an output parameter from a file, with a default, consumed by handle.
import { container, inputs, output, param, step, steps, workflow } from '@argo-gen/dsl';

const helloWorldToFile = container(
  'hello-world-to-file',
  { image: 'busybox', command: ['sh', '-c'], args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'] },
  { outputs: { 'hello-param': output.path('/tmp/hello_world.txt', { default: 'Foobar' }) } },
);
const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);

const generate = step('generate-parameter', helloWorldToFile);
const consume = step('consume-parameter', printMessage, {
  args: { message: generate.outputs.parameters['hello-param'] },
});

export default workflow(
  { generateName: 'output-parameter-' },
  { entrypoint: steps('output-parameter', [[generate], [consume]]) },
);
