// Port of Argo's examples/scripts-python.yaml.
import { container, inputs, param, script, step, steps, workflow } from '@argo-gen/dsl';

const genRandomInt = script('gen-random-int', {
  image: 'python:alpine3.23',
  command: ['python'],
  source: 'import random\ni = random.randint(1, 100)\nprint(i)\n',
});
const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo result was: ${m.message}`] },
  { inputs: m },
);

const generate = step('generate', genRandomInt);
const print = step('print', printMessage, { args: { message: generate.outputs.result } });

export default workflow(
  { generateName: 'scripts-python-' },
  { entrypoint: steps('python-script-example', [[generate], [print]]) },
);
