/**
 * Where a template name is looked up, as the controller's template context does it: a plain `template:` in the
 * document that holds the caller (the workflow, or the WorkflowTemplate a `templateRef` entered), a `templateRef`
 * in the WorkflowTemplates and ClusterWorkflowTemplates the caller supplied, an inline template as written.
 */
import { TEMPLATE_TYPES } from '@argo-gen/model';
import type { TemplateRefValue } from './run-state.js';

export type Template = Readonly<Record<string, unknown>> & { readonly name?: string };

/** What a step, task, hook or exit handler says to run. */
export interface TemplateHolder {
  readonly template?: string;
  readonly templateRef?: TemplateRefValue;
  readonly inline?: Template;
}

export interface TemplateBase {
  /** `local`, `namespaced` or `cluster`, as in the controller's template scope. */
  readonly scope: 'local' | 'namespaced' | 'cluster';
  readonly name: string;
  readonly templates: readonly Template[];
  /** The whole spec of a WorkflowTemplate, for a `workflowTemplateRef`. */
  readonly spec?: Readonly<Record<string, unknown>>;
}

export interface Library {
  readonly namespaced: ReadonlyMap<string, TemplateBase>;
  readonly cluster: ReadonlyMap<string, TemplateBase>;
}

export type Resolved =
  | { readonly ok: true; readonly template: Template; readonly base: TemplateBase }
  | { readonly ok: false; readonly reason: string; readonly undetermined?: boolean };

export function templateScopeOf(base: TemplateBase): string {
  return `${base.scope}/${base.name}`;
}

const indexes = new WeakMap<TemplateBase, Map<string, Template>>();

/** The base's templates by name (the first of a name wins, as a linear search would find it). */
function byName(base: TemplateBase): Map<string, Template> {
  let index = indexes.get(base);
  if (!index) {
    index = new Map();
    for (const t of base.templates) if (t.name !== undefined && !index.has(t.name)) index.set(t.name, t);
    indexes.set(base, index);
  }
  return index;
}

export function resolveTemplate(holder: TemplateHolder, base: TemplateBase, library: Library): Resolved {
  if (holder.inline) return { ok: true, template: holder.inline, base };
  if (holder.templateRef) {
    const ref = holder.templateRef;
    const owner = (ref.clusterScope ? library.cluster : library.namespaced).get(ref.name);
    const kind = ref.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
    if (!owner)
      return {
        ok: false,
        reason: `${kind} '${ref.name}' was not given (pass it in options.templates)`,
        undetermined: true,
      };
    const template = byName(owner).get(ref.template);
    if (!template)
      return { ok: false, reason: `template ${ref.template} not found in ${kind.toLowerCase()} ${ref.name}` };
    return { ok: true, template, base: owner };
  }
  const name = holder.template ?? '';
  const template = byName(base).get(name);
  if (!template) return { ok: false, reason: `template ${name} not found` };
  return { ok: true, template, base };
}

/** The template's kind: the Argo template type it has (a valid template has exactly one). */
export type TemplateType = (typeof TEMPLATE_TYPES)[number] | 'unknown';

export function templateType(t: Template): TemplateType {
  return TEMPLATE_TYPES.find((k) => t[k] !== undefined && t[k] !== null) ?? 'unknown';
}
