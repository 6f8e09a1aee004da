import { ArgoGenError, issue } from '@argo-gen/model';
import type { TemplateRef } from './callable.js';
import { containsTemplate } from './collect.js';
import { captureSite } from './internal/source.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import type { Template } from './template.js';
import type { WorkflowTemplateValue } from './workflow.js';

/**
 * Calls a template that lives in another WorkflowTemplate (or ClusterWorkflowTemplate), typically defined in another
 * file: `task('build', templateRef(buildTemplates, kanikoBuild), { args: {...} })`. The call's arguments are checked
 * against the target's inputs and its outputs are typed; the template must really belong to that WorkflowTemplate.
 */
export function templateRef<I extends InputSpecs, O extends OutputSpecs>(
  holder: WorkflowTemplateValue,
  template: Template<I, O>,
): TemplateRef<I, O> {
  if (!containsTemplate(holder.options, template)) {
    throw new ArgoGenError([
      issue('dsl/bad-template-ref', '', `template '${template.name}' is not part of ${holder.kind} '${holder.name}'`, {
        source: captureSite()(),
      }),
    ]);
  }
  return Object.freeze({
    kind: 'templateRef',
    workflowTemplate: holder.name,
    clusterScope: holder.kind === 'ClusterWorkflowTemplate',
    template,
  });
}
