// Port of Argo's examples/parameter-aggregation.yaml: outputs of a loop's iterations, aggregated by later steps.
import {
  container,
  inputs,
  output,
  type ParamItem,
  param,
  Ref,
  raw,
  script,
  step,
  steps,
  when,
  workflow,
} from '@argo-gen/dsl';

const n = inputs({ num: param.string() });
const oddOrEven = container(
  'odd-or-even',
  {
    image: 'alpine:3.23',
    command: ['sh', '-xc'],
    args: [
      `sleep 1 &&\necho ${n.num} > /tmp/num &&\nif [ $((${n.num}%2)) -eq 0 ]; then\n  echo "even" > /tmp/even;\nelse\n  echo "odd" > /tmp/even;\nfi\n`,
    ],
  },
  { inputs: n, outputs: { num: output.path('/tmp/num'), evenness: output.path('/tmp/even') } },
);
const d = inputs({ num: param.string() });
const divideBy2 = script(
  'divide-by-2',
  { image: 'alpine:3.23', command: ['sh', '-x'], source: `#!/bin/sh\necho $((${d.num}/2))\n` },
  { inputs: d },
);
const m = inputs({ message: param.string() });
const printMessage = container(
  'print-message',
  { image: 'busybox', command: ['echo'], args: [m.message] },
  { inputs: m },
);

const odd = step('odd-or-even', oddOrEven, { withItems: [1, 2, 3, 4], args: (item) => ({ num: item }) });
const printNums = step('print-nums', printMessage, { args: { message: odd.outputs.parameters.num } });
const printEvenness = step('print-evenness', printMessage, { args: { message: odd.outputs.parameters.evenness } });
// The whole aggregated `outputs.parameters` list of a loop has no handle; raw says so.
const divide = step('divide-by-2', divideBy2, {
  withParam: raw('{{steps.odd-or-even.outputs.parameters}}'),
  args: (item: ParamItem) => ({ num: item.field('num') }),
  // `when` is outside `args`, so the loop item's field is named by a handle built directly.
  when: when.eq(new Ref<string>(['item', 'evenness']), 'even'),
});
const print = step('print', printMessage, {
  withParam: divide.outputs.result,
  args: (item: ParamItem) => ({ message: item }),
});

export default workflow(
  { generateName: 'parameter-aggregation-' },
  { entrypoint: steps('parameter-aggregation', [[odd], [printNums], [printEvenness], [divide], [print]]) },
);
