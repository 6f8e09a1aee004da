// Port of Argo's examples/timeouts-workflow.yaml: a workflow-level activeDeadlineSeconds; loops without arguments.
import { container, step, steps, workflow } from '@argo-gen/dsl';

const sleep = container('sleep', { image: 'busybox', command: ['sleep', '1d'] });
const unschedulable = container(
  'unschedulable',
  { image: 'alpine:3.23' },
  { nodeSelector: { 'beta.kubernetes.io/arch': 'no-such-arch' } },
);

export default workflow(
  { generateName: 'timeouts-workflow-' },
  {
    entrypoint: steps('bunch-of-sleeps', [
      [
        step('sleep-one-day', sleep, { withItems: [1, 2, 3] }),
        step('unschedulable', unschedulable, { withItems: [1, 2, 3] }),
      ],
    ]),
    spec: { activeDeadlineSeconds: 30 },
  },
);
