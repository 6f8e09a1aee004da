import { ArgoGenError, issue } from '@argo-gen/model';
import type { TemplateRef } from './callable.js';
import { containsTemplate } from './collect.js';
import {
  type DeclaredInputs,
  type DeclaredOutputs,
  type DeclaredWorkflowTemplate,
  declaredTemplate,
  isDeclaredWorkflowTemplate,
  type TemplatesDeclaration,
} from './declared.js';
import { captureSite } from './internal/source.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import type { Template } from './template.js';
import type { WorkflowTemplateValue } from './workflow.js';

/**
 * Calls a template that lives in another WorkflowTemplate (or ClusterWorkflowTemplate), typically defined in another
 * file: `task('build', templateRef(buildTemplates, kanikoBuild), { args: {...} })`. The call's arguments are checked
 * against the target's inputs and its outputs are typed; the template must really belong to that WorkflowTemplate.
 *
 * For a WorkflowTemplate we did not write, declared by `argo-gen types`, name the template:
 * `templateRef(ciTemplates, 'build')`; the name, the arguments and the outputs are checked against its declaration.
 */
export function templateRef<I extends InputSpecs, O extends OutputSpecs, N extends string = string>(
  holder: WorkflowTemplateValue,
  template: Template<I, O, N>,
): TemplateRef<I, O, N>;
export function templateRef<D extends TemplatesDeclaration, N extends keyof D['templates'] & string>(
  holder: DeclaredWorkflowTemplate<D>,
  template: N,
): TemplateRef<DeclaredInputs<D['templates'][N]>, DeclaredOutputs<D['templates'][N]>>;
export function templateRef(
  holder: WorkflowTemplateValue | DeclaredWorkflowTemplate,
  template: Template | string,
): TemplateRef {
  if (isDeclaredWorkflowTemplate(holder)) return declaredRef(holder.declaration, String(template));
  const target = template as Template;
  if (!containsTemplate((holder as WorkflowTemplateValue).options, target)) {
    throw new ArgoGenError([
      issue('dsl/bad-template-ref', '', `template '${target.name}' is not part of ${holder.kind} '${holder.name}'`, {
        source: captureSite()(),
      }),
    ]);
  }
  return Object.freeze({
    kind: 'templateRef',
    workflowTemplate: holder.name,
    clusterScope: holder.kind === 'ClusterWorkflowTemplate',
    template: target,
  });
}

/** A call of a declared template; its name is checked here too, as `generate` does not type-check. */
function declaredRef(d: TemplatesDeclaration, name: string): TemplateRef {
  const signature = Object.hasOwn(d.templates, name) ? d.templates[name] : undefined;
  if (!signature) {
    const known = Object.keys(d.templates);
    throw new ArgoGenError([
      issue(
        'dsl/bad-template-ref',
        '',
        `template '${name}' is not declared in ${d.kind} '${d.name}' (templates: ${known.length ? known.join(', ') : 'none'})`,
        { source: captureSite()() },
      ),
    ]);
  }
  return Object.freeze({
    kind: 'templateRef',
    workflowTemplate: d.name,
    clusterScope: d.kind === 'ClusterWorkflowTemplate',
    template: declaredTemplate(name, signature),
    declaration: d,
  });
}
