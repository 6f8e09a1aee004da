import { container, dag, raw, rawTemplate, task, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';

// When the DSL does not model something, say so explicitly: rawTemplate() takes a plain Argo template, raw() a
// hand-written expression. Both are still validated against Argo's schema at synthesis, and a '{{' that is not
// inside raw() is refused even in a raw template, so every hand-written expression shows up in review.
const legacy = rawTemplate({
  name: 'legacy',
  inputs: { parameters: [{ name: 'when' }] },
  container: {
    image: images.busybox,
    securityContext: restrictedSecurityContext(65534),
    command: ['echo', raw('{{inputs.parameters.when}}')],
  },
});
const stamp = container('stamp', {
  image: images.busybox,
  securityContext: restrictedSecurityContext(65534),
  command: ['echo', raw('{{=sprig.upper(workflow.name)}}')],
});

const first = task('first', stamp);
const second = task('second', legacy, { args: { when: raw('{{workflow.creationTimestamp}}') }, after: [first] });

export default workflow(
  { generateName: 'raw-escape-hatch-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('main', [first, second]),
  },
);
