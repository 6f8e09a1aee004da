// Port of Argo's examples/coinflip.yaml: conditional steps on a script's result, with typed `when`.
import { container, script, step, steps, when, workflow } from '@argo-gen/dsl';

const flipCoin = script('flip-coin', {
  image: 'python:alpine3.23',
  command: ['python'],
  source: 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n',
});
const say = (name: string) =>
  container(name, { image: 'busybox', command: ['sh', '-c'], args: [`echo "it was ${name}"`] });

const flip = step('flip-coin', flipCoin);
const heads = step('heads', say('heads'), { when: when.eq(flip.outputs.result, 'heads') });
const tails = step('tails', say('tails'), { when: when.eq(flip.outputs.result, 'tails') });

export default workflow({ generateName: 'coinflip-' }, { entrypoint: steps('coinflip', [[flip], [heads, tails]]) });
