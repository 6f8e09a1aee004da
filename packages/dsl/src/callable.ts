import type { TemplatesDeclaration } from './declared.js';
import type { NamedNodes } from './node-names.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import type { Template } from './template.js';

/**
 * A template called through `templateRef` from another WorkflowTemplate (possibly cluster-scoped). It keeps the
 * target's typed inputs and outputs, so calls are checked and outputs typed across files.
 */
export interface TemplateRef<
  I extends InputSpecs = InputSpecs,
  O extends OutputSpecs = OutputSpecs,
  N extends string = string,
> extends NamedNodes<N> {
  readonly kind: 'templateRef';
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) that holds the template. */
  readonly workflowTemplate: string;
  readonly clusterScope: boolean;
  readonly template: Template<I, O, N>;
  /** Set when the holder is declared (`argo-gen types`), not defined in this program: the run treats it as present. */
  readonly declaration?: TemplatesDeclaration;
}

/** Anything a task or step can run; `N`: the names of the nodes it runs as (node-names.ts). */
export type Callable<
  I extends InputSpecs = InputSpecs,
  O extends OutputSpecs = OutputSpecs,
  N extends string = string,
> = Template<I, O, N> | TemplateRef<I, O, N>;

export function targetOf<I extends InputSpecs, O extends OutputSpecs>(c: Callable<I, O>): Template<I, O> {
  return c.kind === 'templateRef' ? c.template : c;
}
