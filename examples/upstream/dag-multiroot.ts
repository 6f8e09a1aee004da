// Port of Argo's examples/dag-multiroot.yaml: two roots, A and B.
import { container, dag, inputs, param, type Task, task, workflow } from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
const echo = container('echo', { image: 'busybox', command: ['echo', m.message] }, { inputs: m });
const say = (name: string, after: readonly Task[] = []) => task(name, echo, { args: { message: name }, after });

const a = say('A');
const b = say('B');
const c = say('C', [a]);
const d = say('D', [a, b]);

export default workflow({ generateName: 'dag-multiroot-' }, { entrypoint: dag('multiroot', [a, b, c, d]) });
