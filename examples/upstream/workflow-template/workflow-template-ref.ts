// Port of Argo's examples/workflow-template/workflow-template-ref.yaml: a Workflow that runs a WorkflowTemplate.
// workflowFrom checks the arguments against the template's parameters ('message' has a default, so none is needed).
import { workflowFrom } from '@argo-gen/dsl';
import { submittable } from './templates.js';

export default workflowFrom(submittable, { generateName: 'workflow-template-hello-world-' }, {});
