// Port of Argo's examples/suspend-template.yaml: an approval gate (indefinite suspend) and a timed delay.
import { container, step, steps, suspend, workflow } from '@argo-gen/dsl';

const helloWorld = container('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
const approve = suspend('approve');
const delay = suspend('delay', { duration: '20' });

export default workflow(
  { generateName: 'suspend-template-' },
  {
    entrypoint: steps('suspend', [
      [step('build', helloWorld)],
      [step('approve', approve)],
      [step('delay', delay)],
      [step('release', helloWorld)],
    ]),
  },
);
