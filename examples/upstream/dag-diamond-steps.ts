// Port of Argo's examples/dag-diamond-steps.yaml: a diamond DAG whose tasks each run a looping steps template.
import { container, dag, inputs, param, step, steps, type Task, task, workflow } from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
const echo = container('echo', { image: 'busybox', command: ['echo', m.message] }, { inputs: m });

const thrice = inputs({ message: param.string() });
const echoThrice = steps(
  'echo-thrice',
  [[step('echo', echo, { withItems: [1, 2, 3], args: (item) => ({ message: `${thrice.message}${item}` }) })]],
  { inputs: thrice },
);

const say = (name: string, after: readonly Task[] = []) => task(name, echoThrice, { args: { message: name }, after });
const a = say('A');
const b = say('B', [a]);
const c = say('C', [a]);
const d = say('D', [b, c]);

export default workflow({ generateName: 'dag-diamond-steps-' }, { entrypoint: dag('diamond', [a, b, c, d]) });
