import { container, dag, inputs, param, task, templateRef, workflow } from '@argo-gen/dsl';
import { images, restrictedSecurityContext } from '@argo-gen/steps';
import library, { shout } from './library.js';

// Calling a template of another WorkflowTemplate, defined in another file. templateRef() checks that `shout` really
// belongs to `text-library`; the arguments are checked against its inputs and its outputs keep their types.
const loud = task('loud', templateRef(library, shout), { args: { text: 'burgers for everyone' } });

const i = inputs({ text: param.string() });
const print = container(
  'print',
  { image: images.busybox, securityContext: restrictedSecurityContext(65534), command: ['echo', i.text] },
  { inputs: i },
);
const show = task('show', print, { args: { text: loud.outputs.parameters.loud } });

export default workflow(
  { generateName: 'template-ref-' },
  {
    spec: { automountServiceAccountToken: false, executor: { serviceAccountName: 'argo-executor' } },
    entrypoint: dag('main', [loud, show]),
  },
);
