import type { Parameter, Template } from '../gen/types.gen.js';
import type { ArgoVersion } from '../versions/target-version.js';
import { type LintDoc, list } from './document.js';

/**
 * A step's or task's name may hold `{{…}}` tags; Argo's validator checks the name after `common.ProcessArgs` has put
 * in the values it has at validation, which are few:
 *
 * * `{{workflow.parameters.x}}` is x's `value` when `spec.arguments` gives one, `{{workflow.priority}}` is
 *   `spec.priority`; every other `{{workflow.*}}` is an internal placeholder (`__argo__internal__placeholder-N`).
 * * `{{inputs.parameters.x}}` depends on the arguments of the template's first validation (Argo validates a template
 *   once, `ctx.results`): only a Workflow's (or CronWorkflow's) entrypoint and the exit handler (when the entrypoint
 *   does not reach it) get real ones, the document's `spec.arguments`, else x's own `value` or `default`; every other
 *   template, and a WorkflowTemplate's entrypoint, gets `FakeArguments`, a placeholder for each input.
 * * Anything else (`{{item}}`, `{{steps.…}}`, a `valueFrom` input) is left as written, braces and all.
 *
 * A placeholder's underscores make a name invalid, except in a step name from Argo 4.0 on, which replaces each by `x`
 * first (`isValidStepName`, argo-workflows#15896). The 4.x CRDs refuse any `{{` in a step or task name anyway
 * (crd/rules.ts); this decides Argo 3.7, and the validator's own message in 4.x.
 */
export interface CheckedName {
  /** The name as the validator checks it. */
  readonly checked: string;
  /** Why it is not the name as written, when a tag is the cause: for the message. */
  readonly why?: string;
}

export type NameKind = 'step' | 'task';

/** A tag's value at validation: a value, a placeholder, or nothing (the tag stays as written). */
type TagValue = { readonly value: string } | 'placeholder' | undefined;

/** What makes a name invalid the way Argo's placeholder does (its underscores), for our checks. */
const PLACEHOLDER = '__argo__internal__placeholder';

/** The tags of a name, as fasttemplate splits them: `{{` up to the next `}}`. */
const TAG = /\{\{(.*?)\}\}/g;
/** An expression tag that only names a variable (`{{=inputs.parameters.x}}`): evaluated, it is that variable. */
const VARIABLE_EXPRESSION = /^=\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;

export function checkedName(
  d: LintDoc,
  template: Template,
  name: string,
  kind: NameKind,
  argoVersion: ArgoVersion,
): CheckedName {
  if (!name.includes('{{')) return { checked: name };
  const realArgs = realArgumentTemplates(d);
  const placeholderOk = kind === 'step' && argoVersion !== '3.7';
  const reasons: string[] = [];
  const checked = name.replace(TAG, (raw, inner: string) => {
    const tag = inner.trim();
    const variable = tag.startsWith('=') ? VARIABLE_EXPRESSION.exec(tag)?.[1] : tag;
    // Any other expression: Argo evaluates it with the values above; we do not evaluate expressions, so we take it as
    // a valid fragment rather than refuse a name Argo may accept.
    if (variable === undefined) return 'x';
    const v = tagValue(d, template, variable, realArgs);
    if (v === undefined) {
      reasons.push(`${raw} stays as written`);
      return raw;
    }
    if (v !== 'placeholder') return v.value;
    if (placeholderOk) return 'x';
    reasons.push(`${raw} is a placeholder (${placeholderWhy(d, template, variable, realArgs)})`);
    return PLACEHOLDER;
  });
  if (checked === name) return { checked };
  const shown = checked.replaceAll(PLACEHOLDER, `${PLACEHOLDER}-N`);
  return {
    checked,
    why: `Argo's validator checks it as '${shown}'${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
  };
}

function tagValue(d: LintDoc, template: Template, variable: string, realArgs: ReadonlySet<string>): TagValue {
  const global = globalValue(d, variable);
  if (global !== undefined) return global;
  if (!variable.startsWith('inputs.parameters.')) return undefined;
  const name = variable.slice('inputs.parameters.'.length);
  const input = list(template.inputs?.parameters).find((p) => p?.name === name);
  if (!input) return undefined;
  if (typeof template.name !== 'string' || !realArgs.has(template.name)) return 'placeholder';
  // ProcessArgs: the document's argument of that name wins, else the input's value, else its default.
  const arg = list(d.spec.arguments?.parameters).find((p) => p?.name === name);
  const text = arg ? paramText(arg.value) : (paramText(input.value) ?? paramText(input.default));
  // The value itself went through the global substitution first.
  return text === undefined ? undefined : { value: text.replace(TAG, (_raw, inner: string) => globalText(d, inner)) };
}

function globalText(d: LintDoc, inner: string): string {
  const v = globalValue(d, inner.trim());
  return v === undefined ? `{{${inner}}}` : v === 'placeholder' ? PLACEHOLDER : v.value;
}

/** `{{workflow.*}}` at validation; undefined for anything else. */
function globalValue(d: LintDoc, variable: string): TagValue {
  if (!variable.startsWith('workflow.')) return undefined;
  if (variable.startsWith('workflow.parameters.')) {
    const name = variable.slice('workflow.parameters.'.length);
    const p = globalParameters(d).find((q) => q?.name === name);
    if (!p) return undefined;
    const text = paramText(p.value);
    return text === undefined ? 'placeholder' : { value: text };
  }
  if (variable === 'workflow.priority') {
    const priority = d.spec.priority ?? (d.referenced !== 'unknown' ? d.referenced?.spec.priority : undefined);
    return typeof priority === 'number' ? { value: String(priority) } : undefined;
  }
  return 'placeholder';
}

/** `spec.arguments.parameters`, merged over the referenced WorkflowTemplate's (the document's first), as Argo does. */
function globalParameters(d: LintDoc): readonly (Parameter | undefined)[] {
  const own = list(d.spec.arguments?.parameters);
  if (!d.referenced || d.referenced === 'unknown') return own;
  return [...own, ...list(d.referenced.spec.arguments?.parameters)];
}

function paramText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function placeholderWhy(d: LintDoc, template: Template, variable: string, realArgs: ReadonlySet<string>): string {
  if (!variable.startsWith('inputs.parameters.')) return 'Argo has no value for it before the workflow runs';
  if (realArgs.has(template.name ?? '')) return 'the input has no value';
  return d.library
    ? "a WorkflowTemplate's templates are validated with placeholder arguments"
    : "only the entrypoint's and the exit handler's inputs are known at validation; this template is validated with placeholder arguments";
}

const REAL_ARGS = new WeakMap<LintDoc, ReadonlySet<string>>();

/**
 * The templates whose first validation gets the document's arguments (ValidateWorkflow's order: the entrypoint, with
 * them in a Workflow and FakeArguments in a WorkflowTemplate, and everything it calls with FakeArguments, depth
 * first; then the exit handler with them; then every other template with FakeArguments).
 */
function realArgumentTemplates(d: LintDoc): ReadonlySet<string> {
  let out = REAL_ARGS.get(d);
  if (out) return out;
  const set = new Set<string>();
  const entry = d.spec.entrypoint;
  const reached = new Set<string>();
  // A workflowTemplateRef's templates are the referenced document's, checked there.
  if (!d.spec.workflowTemplateRef && typeof entry === 'string' && d.byName.has(entry)) {
    reach(d, entry, reached);
    if (!d.library) set.add(entry);
  }
  const exit = d.spec.onExit;
  if (typeof exit === 'string' && d.byName.has(exit) && !reached.has(exit)) set.add(exit);
  out = set;
  REAL_ARGS.set(d, out);
  return out;
}

/** Every template of the document that `name` calls, directly or not (steps and DAG tasks), with `name` itself. */
function reach(d: LintDoc, name: string, reached: Set<string>): void {
  if (reached.has(name)) return;
  reached.add(name);
  const t = d.byName.get(name)?.template;
  if (!t) return;
  const callees: unknown[] = [];
  for (const group of list(t.steps)) for (const step of list(group)) callees.push(step?.template);
  for (const task of list(t.dag?.tasks)) callees.push(task?.template);
  for (const c of callees) if (typeof c === 'string') reach(d, c, reached);
}
