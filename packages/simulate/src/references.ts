/**
 * What a step, task or hook calls, and how its references are resolved before it runs: the template it names, and
 * its fields substituted from the scope (`when` first, as the controller's `resolveDependencyReferences` and
 * `resolveReferences` do), with arguments that only reference an absent optional marked unsupplied.
 */
import { evaluateWhen, substituteDeep } from './expressions.js';
import type { MutableScope } from './scope.js';
import type { TemplateHolder } from './templates.js';

export function holderOf(task: Readonly<Record<string, unknown>>): TemplateHolder {
  return {
    ...(typeof task.template === 'string' ? { template: task.template } : {}),
    ...(task.templateRef ? { templateRef: task.templateRef as TemplateHolder['templateRef'] & object } : {}),
    ...(task.inline ? { inline: task.inline as TemplateHolder['inline'] & object } : {}),
  };
}

export function holderFields(task: Readonly<Record<string, unknown>>) {
  const h = holderOf(task);
  return {
    ...(h.template !== undefined ? { templateName: h.template } : {}),
    ...(h.templateRef !== undefined ? { templateRef: h.templateRef } : {}),
  };
}

/**
 * `resolveDependencyReferences`: `when` first (a task that will not run is not resolved further), then the whole
 * task but its hooks. A reference nobody can give (an output that was not produced) is undetermined.
 */
export function resolveTaskReferences<T extends { readonly name: string; readonly when?: unknown }>(
  task: T,
  scope: MutableScope,
): { ok: true; task: T } | { ok: false; reason: string } {
  if (typeof task.when === 'string' && task.when !== '') {
    const when = substituteDeep(task.when, scope);
    if (!when.ok) return { ok: false, reason: `when '${task.when}': ${when.reason}` };
    const go = evaluateWhen(String(when.value));
    if (go.ok && go.value === false) return { ok: true, task: { ...task, when: when.value } };
  }
  const { hooks, ...rest } = markAbsentOptionalArgs(task, scope) as T & { hooks?: unknown };
  const sub = substituteDeep(rest, scope);
  if (!sub.ok) return { ok: false, reason: sub.reason };
  // substituteDeep made a new object: the hooks (not substituted here) go back in last
  const resolved = sub.value as T & { hooks?: unknown };
  if (hooks !== undefined) resolved.hooks = hooks;
  return { ok: true, task: resolved };
}

/**
 * `markAbsentOptionalArgs`: an argument that is only a reference to a skipped or omitted node's output without a
 * default becomes `null` (the controller's sentinel) before substitution: the called template's input default then
 * applies, or the input is missing.
 */
export function markAbsentOptionalArgs<T>(task: T, scope: MutableScope): T {
  const args = (task as { arguments?: { parameters?: { value?: unknown }[] } }).arguments;
  if (!args?.parameters) return task;
  const parameters = args.parameters.map((p) => {
    const v = typeof p.value === 'string' ? p.value : '';
    if (!v.startsWith('{{') || !v.endsWith('}}')) return p;
    const key = v.slice(2, -2).trim();
    if (key.includes('{{') || key.includes('}}') || scope[key] !== null) return p;
    return { ...p, value: null };
  });
  if (parameters.every((p, i) => p === args.parameters?.[i])) return task;
  return { ...task, arguments: { ...args, parameters } };
}
