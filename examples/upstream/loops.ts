// Port of Argo's examples/loops.yaml: withItems over strings.
import { container, inputs, param, step, steps, workflow } from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);

const loop = step('print-message-loop', printMessage, {
  withItems: ['hello world', 'goodbye world'],
  args: (item) => ({ message: item }),
});

export default workflow({ generateName: 'loops-' }, { entrypoint: steps('loop-example', [[loop]]) });
