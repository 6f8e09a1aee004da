import { container, dag, inputs, param, task, templateRef, workflow } from '@argo-gen/dsl';
import library, { shout } from './library.js';

// Calling a template of another WorkflowTemplate, defined in another file. templateRef() checks that `shout` really
// belongs to `text-library`; the arguments are checked against its inputs and its outputs keep their types.
const loud = task('loud', templateRef(library, shout), { args: { text: 'burgers for everyone' } });

const i = inputs({ text: param.string() });
const print = container('print', { image: 'busybox:1.37.0', command: ['echo', i.text] }, { inputs: i });
const show = task('show', print, { args: { text: loud.outputs.parameters.loud } });

export default workflow({ generateName: 'template-ref-' }, { entrypoint: dag('main', [loud, show]) });
