import { closest } from '../did-you-mean.js';
import type { Arguments, Artifact, LifecycleHook, Template, TemplateRef } from '../gen/types.gen.js';
import { escapeToken } from '../json-pointer.js';
import { outsideMessage, templateIn } from './catalog.js';
import { isObject, isPlaceholder, type LintDoc, list } from './document.js';

/** Anything that names the template to run: a step, a task, a lifecycle hook. */
export interface Holder {
  readonly template?: string;
  readonly templateRef?: TemplateRef;
  readonly inline?: Template;
  readonly arguments?: Arguments;
}

/** The template a holder runs; `'unknown'` when it cannot be known before run time (or is missing, already reported). */
export type Callee = Template | 'unknown';

/** The templates local names resolve against: the document's own, or the referenced WorkflowTemplate's. */
function localTemplate(d: LintDoc, name: string): Template | 'unknown' | undefined {
  if (d.referenced === 'unknown') return 'unknown';
  if (d.referenced) return templateIn(d.referenced, name);
  return d.byName.get(name)?.template;
}

function undefinedMessage(d: LintDoc, name: string): string {
  const near = closest(name, d.byName.keys());
  return `template name '${name}' undefined${near ? `; did you mean '${near}'?` : ''}`;
}

/** spec.entrypoint and spec.onExit (rules 13, 14) and the workflowTemplateRef shape (rule 7). */
export function checkEntrypointAndExit(d: LintDoc): void {
  const { spec, specPath, sink } = d;
  const ref = spec.workflowTemplateRef;
  if (ref) {
    if (d.templates.length > 0)
      sink.error(
        'lint/templates-with-workflow-template-ref',
        `${specPath}/templates`,
        'Templates is invalid field in spec if workflow referred WorkflowTemplate reference',
      );
  }
  const entrypoint =
    spec.entrypoint || (d.referenced && d.referenced !== 'unknown' ? d.referenced.spec.entrypoint : undefined);
  if (!entrypoint) {
    if (!d.library && d.referenced !== 'unknown')
      sink.error('lint/missing-entrypoint', specPath, 'spec.entrypoint is required');
  } else if (spec.entrypoint && !isPlaceholder(spec.entrypoint)) {
    const target = localTemplate(d, spec.entrypoint);
    if (target === undefined)
      sink.error('lint/missing-entrypoint', `${specPath}/entrypoint`, undefinedMessage(d, spec.entrypoint));
    else if (target !== 'unknown' && !d.library) checkSupplied(d, target, mergedArguments(d), `${specPath}/entrypoint`);
  }
  if (spec.onExit) checkOnExit(d, spec.onExit, `${specPath}/onExit`, d.library ? undefined : mergedArguments(d));
  checkHooks(d, spec.hooks, `${specPath}/hooks`);
}

/** The Workflow's arguments over the referenced template's (rule 7). */
function mergedArguments(d: LintDoc): Arguments {
  const own = d.spec.arguments ?? {};
  if (!d.referenced || d.referenced === 'unknown') return own;
  const base = d.referenced.spec.arguments ?? {};
  const merge = <T extends { name: string }>(a: readonly T[] | undefined, b: readonly T[] | undefined) => {
    const names = new Set(list(a).map((x) => x.name));
    return [...list(a), ...list(b).filter((x) => !names.has(x.name))];
  };
  return { parameters: merge(own.parameters, base.parameters), artifacts: merge(own.artifacts, base.artifacts) };
}

/** A workflow-, step- or task-level onExit names a template that exists (rule 14). */
export function checkOnExit(d: LintDoc, name: string, path: string, args?: Arguments): void {
  if (isPlaceholder(name)) return;
  const target = localTemplate(d, name);
  if (target === undefined) d.sink.error('lint/unknown-template', path, undefinedMessage(d, name));
  else if (target !== 'unknown' && args) checkSupplied(d, target, args, path);
}

/** Lifecycle hooks: every hook but `exit` needs an expression, and its template must exist (rules 15, 38). */
export function checkHooks(d: LintDoc, hooks: Readonly<Record<string, LifecycleHook>> | undefined, path: string): void {
  if (!isObject(hooks)) return;
  for (const [name, hook] of Object.entries(hooks)) {
    const at = `${path}/${escapeToken(name)}`;
    if (name !== 'exit' && !hook?.expression)
      d.sink.error('lint/missing-hook-expression', at, `hooks.${name} Expression required`);
    checkCall(d, hook ?? {}, at);
  }
}

/**
 * The template a step, task or hook runs exists, its templateRef is well formed and resolves, and every input the
 * target needs is supplied (rules 19–21, 28). Returns the target for scope checks.
 */
export function checkCall(d: LintDoc, holder: Holder, path: string): Callee {
  const callee = resolveCall(d, holder, path);
  if (callee !== 'unknown') checkSupplied(d, callee, holder.arguments ?? {}, path);
  return callee;
}

function resolveCall(d: LintDoc, holder: Holder, path: string): Callee {
  const { sink } = d;
  if (holder.inline) return holder.inline;
  const ref = holder.templateRef;
  if (ref) {
    if (holder.template) {
      sink.error('lint/invalid-template-ref', path, 'template name cannot be specified with templateRef');
      return 'unknown';
    }
    if (!ref.name) sink.error('lint/invalid-template-ref', `${path}/templateRef`, 'resource name is required');
    if (!ref.template) sink.error('lint/invalid-template-ref', `${path}/templateRef`, 'template name is required');
    if (!ref.name || !ref.template || isPlaceholder(ref.name) || isPlaceholder(ref.template)) return 'unknown';
    const namespace = isObject(d.doc) && isObject(d.doc.metadata) ? d.doc.metadata.namespace : undefined;
    const found = d.catalog.owner(
      ref.name,
      ref.clusterScope === true,
      typeof namespace === 'string' ? namespace : undefined,
    );
    if (found.status === 'unknown') return 'unknown';
    if (found.status === 'outside') {
      sink.warn('lint/template-ref-outside-run', `${path}/templateRef`, outsideMessage(found.message));
      return 'unknown';
    }
    if (found.status === 'missing') {
      sink.error('lint/unresolved-template-ref', `${path}/templateRef`, found.message);
      return 'unknown';
    }
    const target = templateIn(found.owner, ref.template);
    if (!target) {
      sink.error(
        'lint/unresolved-template-ref',
        `${path}/templateRef`,
        `template reference ${ref.name}.${ref.template} not found`,
      );
      return 'unknown';
    }
    return target;
  }
  if (!holder.template) {
    sink.error('lint/missing-template', path, 'no template, templateRef or inline template to run');
    return 'unknown';
  }
  if (isPlaceholder(holder.template)) return 'unknown';
  const target = localTemplate(d, holder.template);
  if (target === undefined) {
    sink.error('lint/unknown-template', `${path}/template`, undefinedMessage(d, holder.template));
    return 'unknown';
  }
  return target;
}

const LOCATIONS = ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure', 'plugin'] as const;

export function locationsOf(a: Artifact): string[] {
  return LOCATIONS.filter((k) => a[k] !== undefined && a[k] !== null);
}

/** Input substitution: each input needs a value, a default or the caller's argument (rule 28). */
function checkSupplied(d: LintDoc, target: Template, args: Arguments, path: string): void {
  for (const p of list(target.inputs?.parameters)) {
    if (p.value !== undefined || p.default !== undefined || p.valueFrom !== undefined || given(args.parameters, p.name))
      continue;
    d.sink.error('lint/missing-argument', path, `${supplier(target)}inputs.parameters.${p.name} was not supplied`);
  }
  for (const a of list(target.inputs?.artifacts)) {
    if (a.optional || a.from || a.fromExpression || locationsOf(a).length > 0 || given(args.artifacts, a.name))
      continue;
    d.sink.error('lint/missing-argument', path, `${supplier(target)}inputs.artifacts.${a.name} was not supplied`);
  }
}

/** How a missing-argument message names the called template (made only for a message). */
function supplier(target: Template): string {
  return target.name ? `template '${target.name}': ` : '';
}

/** Whether the caller's arguments name `name` (a loop, not `some` with a closure made per input). */
function given(args: readonly { readonly name: string }[] | undefined, name: string): boolean {
  if (!Array.isArray(args)) return false;
  for (let i = 0; i < args.length; i++) if (args[i]?.name === name) return true;
  return false;
}
