// Port of Argo's examples/dag-diamond.yaml: A, then B and C, then D; `depends` comes from `after`.
import { container, dag, inputs, param, type Task, task, workflow } from '@argo-gen/dsl';

const m = inputs({ message: param.string() });
const echo = container('echo', { image: 'busybox', command: ['echo', m.message] }, { inputs: m });
const say = (name: string, after: readonly Task[] = []) => task(name, echo, { args: { message: name }, after });

const a = say('A');
const b = say('B', [a]);
const c = say('C', [a]);
const d = say('D', [b, c]);

export default workflow({ generateName: 'dag-diamond-' }, { entrypoint: dag('diamond', [a, b, c, d]) });
