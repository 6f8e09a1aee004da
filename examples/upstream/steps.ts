// Port of Argo's examples/steps.yaml: groups of steps, the second group in parallel.
import { container, inputs, param, step, steps, workflow } from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);
const say = (name: string) => step(name, printMessage, { args: { message: name } });

export default workflow(
  { generateName: 'steps-' },
  { entrypoint: steps('hello-hello-hello', [[say('hello1')], [say('hello2a'), say('hello2b')]]) },
);
