import type { Scope, Tally } from './expressions.js';
import type { Names } from './names.js';

/** What is known about a template once its declaration has been written. */
export interface TemplateInfo {
  readonly varName: string;
  /** A raw template: any argument and output name is accepted. */
  readonly loose: boolean;
  readonly params: ReadonlyMap<string, { readonly required: boolean; readonly enum?: readonly unknown[] }>;
  readonly artifacts: ReadonlyMap<string, { readonly required: boolean }>;
  readonly outputs: { readonly parameters: ReadonlySet<string>; readonly artifacts: ReadonlySet<string> };
}

/** The state of importing one YAML file into one module. */
export interface ModuleContext {
  readonly names: Names;
  readonly counts: Tally;
  readonly statements: string[];
  readonly imports: Set<string>;
  readonly warnings: string[];
  /** What the module does not carry (neither DSL nor escape hatch): `import` fails unless `--allow-loss`. */
  readonly losses: string[];
}

/** The state of importing one document (a workflow and its templates). */
export interface DocContext extends ModuleContext {
  readonly templates: ReadonlyMap<string, Record<string, unknown>>;
  readonly emitted: Map<string, TemplateInfo>;
  readonly inProgress: Set<string>;
  /** Templates called by DSL tasks and steps (the rest must be listed in `templates`). */
  readonly calledByDsl: Set<string>;
  /** The workflow parameters' handles. */
  readonly base: Scope;
  /** Declares (once) the DSL template for an Argo template name; undefined when it cannot be a DSL callee. */
  readonly ensure: (name: string) => TemplateInfo | undefined;
  /** The callee expression for a `templateRef` (a stub for the other WorkflowTemplate's template). */
  readonly templateRef: (ref: Record<string, unknown>) => string | undefined;
}

export type Yaml = Record<string, unknown>;

export function isObject(v: unknown): v is Yaml {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function only(o: Yaml, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}
