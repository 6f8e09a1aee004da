import { container, dag, type Item, inputs, param, task, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// withItems with typed items: `item.name` and `item.replicas` exist because the items have those keys; `item.size`
// would not compile. Each item becomes one task run.
const i = inputs({ name: param.string(), replicas: param.number() });
const report = container(
  'report',
  {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['echo', `${i.name} runs ${i.replicas} replicas`],
  },
  { inputs: i },
);

type Component = { readonly name: string; readonly replicas: number };
const components: readonly Component[] = [
  { name: 'frontend', replicas: 3 },
  { name: 'backend', replicas: 2 },
];

const each = task('each', report, {
  withItems: components,
  args: (item: Item<Component>) => ({ name: item.name, replicas: item.replicas }),
});

export default workflow(
  { generateName: 'loops-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('main', [each]),
  },
);
