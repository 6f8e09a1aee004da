// Port of Argo's examples/scripts-bash.yaml: a script's standard output is the next step's argument.
import { container, inputs, param, script, step, steps, workflow } from '@argo-gen/dsl';

const genRandomInt = script('gen-random-int', {
  image: 'alpine:3.23',
  command: ['sh', '-c'],
  source: `cat /dev/urandom | od -N2 -An -i | awk -v f=1 -v r=100 '{printf "%i\\n", f + r * $1 / 65536}'\n`,
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
  { generateName: 'scripts-bash-' },
  { entrypoint: steps('bash-script-example', [[generate], [print]]) },
);
