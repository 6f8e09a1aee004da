import { container, dag, inputs, or, output, param, task, when, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// Two kinds of condition. `when` looks at data (a coin's result); `depends` looks at task results:
// `report` runs when either branch failed, typed from the task handles, never written as a string.
const flipTemplate = container(
  'flip',
  {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['sh', '-c', 'if [ $(($RANDOM % 2)) -eq 0 ]; then echo heads; else echo tails; fi > /tmp/side'],
  },
  { outputs: { side: output.path('/tmp/side') } },
);
const i = inputs({ say: param.string() });
const say = container(
  'say',
  { image: images.busybox, securityContext: restrictedSecurityContext(65534), command: ['echo', i.say] },
  { inputs: i },
);

const flip = task('flip', flipTemplate);
const heads = task('heads', say, { args: { say: 'heads' }, when: when.eq(flip.outputs.parameters.side, 'heads') });
const tails = task('tails', say, { args: { say: 'tails' }, when: when.eq(flip.outputs.parameters.side, 'tails') });
const report = task('report', say, { args: { say: 'a branch failed' }, depends: or(heads.failed, tails.failed) });

export default workflow(
  { generateName: 'conditions-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('main', [flip, heads, tails, report]),
  },
);
