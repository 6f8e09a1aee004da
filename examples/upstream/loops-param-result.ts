// Port of Argo's examples/loops-param-result.yaml: withParam over a script's JSON output.
import { container, inputs, type ParamItem, param, script, step, steps, workflow } from '@argo-gen/dsl';

const genNumberList = script('gen-number-list', {
  image: 'python:alpine3.23',
  command: ['python'],
  source: 'import json\nimport sys\njson.dump([i for i in range(20, 31)], sys.stdout)\n',
});

const s = inputs({ seconds: param.string() });
const sleepNSec = container(
  'sleep-n-sec',
  {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [`echo sleeping for ${s.seconds} seconds; sleep ${s.seconds}; echo done`],
  },
  { inputs: s },
);

const generate = step('generate', genNumberList);
const sleep = step('sleep', sleepNSec, {
  withParam: generate.outputs.result,
  args: (item: ParamItem) => ({ seconds: item }),
});

export default workflow(
  { generateName: 'loops-param-result-' },
  { entrypoint: steps('loop-param-result-example', [[generate], [sleep]]) },
);
