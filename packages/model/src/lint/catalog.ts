import type { ObjectMeta, Template, WorkflowSpec } from '../gen/types.gen.js';
import { isObject, list } from './document.js';

/** A WorkflowTemplate or ClusterWorkflowTemplate known in this run, the target of a templateRef or workflowTemplateRef. */
export interface ResolvedSpec {
  readonly kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  readonly name: string;
  readonly metadata: ObjectMeta;
  readonly spec: WorkflowSpec;
}

export type Lookup =
  | { readonly status: 'found'; readonly owner: ResolvedSpec }
  /** No context was given: nothing can be said about the target. */
  | { readonly status: 'unknown' }
  | { readonly status: 'missing'; readonly message: string }
  /** Not in the run, and the run allows that (LintContext.allowMissingRefs): a warning, the target taken as present. */
  | { readonly status: 'outside'; readonly message: string };

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates of the run, indexed the way `argo lint --offline` indexes the
 * files it is given (argo-validation-rules.md §13): namespaced templates by name, cluster templates by name. Without a
 * context the catalog knows nothing and every lookup is `unknown`; with one, a target that is not there is missing,
 * as offline lint reports it.
 */
export class Catalog {
  readonly #namespaced = new Map<string, ResolvedSpec[]>();
  readonly #cluster = new Map<string, ResolvedSpec>();
  readonly #known: boolean;
  readonly #missing: 'missing' | 'outside';

  constructor(templates: readonly unknown[] | undefined, allowMissing = false) {
    this.#known = templates !== undefined;
    this.#missing = allowMissing ? 'outside' : 'missing';
    for (const value of templates ?? []) {
      if (!isObject(value) || !isObject(value.spec) || !isObject(value.metadata)) continue;
      const metadata = value.metadata as ObjectMeta;
      if (typeof metadata.name !== 'string') continue;
      const kind = value.kind;
      const entry = { name: metadata.name, metadata, spec: value.spec as WorkflowSpec };
      if (kind === 'ClusterWorkflowTemplate') {
        if (!this.#cluster.has(metadata.name)) this.#cluster.set(metadata.name, { kind, ...entry });
      } else if (kind === 'WorkflowTemplate') {
        const same = this.#namespaced.get(metadata.name) ?? [];
        same.push({ kind, ...entry });
        this.#namespaced.set(metadata.name, same);
      }
    }
  }

  /** The owner of `name`; `namespace` is the referring document's (a template with no namespace matches any). */
  owner(name: string, clusterScope: boolean, namespace: string | undefined): Lookup {
    if (!this.#known) return { status: 'unknown' };
    if (clusterScope) {
      const found = this.#cluster.get(name);
      return found
        ? { status: 'found', owner: found }
        : { status: this.#missing, message: `couldn't find cluster workflow template "${name}"` };
    }
    const found = (this.#namespaced.get(name) ?? []).find(
      (t) => namespace === undefined || t.metadata.namespace === undefined || t.metadata.namespace === namespace,
    );
    if (found) return { status: 'found', owner: found };
    return {
      status: this.#missing,
      message: `couldn't find workflow template "${name}" in namespace "${namespace ?? ''}"`,
    };
  }
}

/** The template called `name` in a referenced WorkflowTemplate's spec. */
export function templateIn(owner: ResolvedSpec, name: string): Template | undefined {
  return list(owner.spec.templates).find((t) => t.name === name);
}

/** The warning for a reference the run allows to point outside it: what was not found, and what that leaves unchecked. */
export function outsideMessage(message: string): string {
  return `${message}; taken to be outside this run (its arguments are not checked)`;
}
