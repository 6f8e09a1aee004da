// Port of Argo's examples/dag-continue-on-fail.yaml: D runs when B failed and C is done; typed `depends`.
import { and, container, dag, task, workflow } from '@argo-gen/dsl';

const helloWorld = container('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
const intentionalFail = container('intentional-fail', {
  image: 'busybox',
  command: ['sh', '-c'],
  args: ['echo intentional failure; exit 1'],
});

const a = task('A', helloWorld);
const b = task('B', intentionalFail, { after: [a] });
const c = task('C', helloWorld, { after: [a] });
const d = task('D', helloWorld, { depends: and(b.failed, c.done) });
const e = task('E', intentionalFail, { after: [a] });
const f = task('F', helloWorld, { after: [a] });
const g = task('G', helloWorld, { after: [e, f] });

export default workflow(
  { generateName: 'dag-contiue-on-fail-' },
  { entrypoint: dag('workflow', [a, b, c, d, e, f, g]) },
);
