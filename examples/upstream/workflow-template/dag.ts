// Port of Argo's examples/workflow-template/dag.yaml: a diamond whose tasks call templates of other WorkflowTemplates
// through typed templateRefs (arguments checked against print-message's inputs, here in TypeScript).
import { dag, task, templateRef, workflow } from '@argo-gen/dsl';
import { innerDagTemplate, innerDiamond, printMessage, printMessageTemplate } from './templates.js';

const print = templateRef(printMessageTemplate, printMessage);

const a = task('A', print, { args: { message: 'A' } });
const b = task('B', print, { args: { message: 'B' }, after: [a] });
const c = task('C', templateRef(innerDagTemplate, innerDiamond), { after: [a] });
const d = task('D', print, { args: { message: 'D' }, after: [b, c] });

export default workflow(
  { generateName: 'workflow-template-dag-diamond-' },
  { entrypoint: dag('diamond', [a, b, c, d]) },
);
