import { arr, type Code } from './code.js';
import { type DocContext, isObject, type Yaml } from './context.js';
import { dagTask, declaredDeps } from './dag.js';
import type { CallHandle, Scope } from './expressions.js';
import { valueCode } from './expressions.js';
import { workflowStep } from './steps.js';

export interface CallsBody {
  /** The first argument after the name: `[a, b]` for dag(), `[[a], [b, c]]` for steps(). */
  readonly code: Code;
  /** The handles of every task or step, for the template's outputs. */
  readonly scope: NonNullable<Scope['calls']>;
  /** `failFast`, `target`: dag() options. */
  readonly dagFields?: Code;
}

/** Declares the tasks of a DAG (in dependency order) or the steps of a steps template. */
export function callsTemplate(ctx: DocContext, owner: string, body: string, value: unknown, scope: Scope): CallsBody {
  const handles = new Map<string, CallHandle>();
  if (body === 'dag') {
    const dagValue = isObject(value) ? value : {};
    const { tasks, ...dagFields } = dagValue;
    const list = Array.isArray(tasks) ? tasks.filter(isObject) : [];
    for (const t of list) if (typeof t.template === 'string') ctx.ensure(t.template);
    const entries = new Map<string, Code>();
    for (const t of topological(list)) entries.set(String(t.name), dagTask(ctx, owner, t, scope, handles));
    return {
      code: arr(list.map((t) => entries.get(String(t.name)) as Code)),
      scope: { prefix: 'tasks', get: (n) => handles.get(n) },
      ...(Object.keys(dagFields).length ? { dagFields: valueCode(dagFields, scope, ctx.counts, true) } : {}),
    };
  }
  const groups = Array.isArray(value) ? value.map((g) => (Array.isArray(g) ? g.filter(isObject) : [])) : [];
  for (const g of groups) for (const s of g) if (typeof s.template === 'string') ctx.ensure(s.template);
  const code = arr(
    groups.map((group) => {
      const earlier = new Map(handles);
      return arr(group.map((s) => workflowStep(ctx, owner, s, scope, earlier, handles)));
    }),
  );
  return { code, scope: { prefix: 'steps', get: (n) => handles.get(n) } };
}

/** Tasks in dependency order; among the ready ones, the original order. */
function topological(tasks: readonly Yaml[]): Yaml[] {
  const names = new Set(tasks.map((t) => String(t.name)));
  const deps = new Map(tasks.map((t) => [t, (declaredDeps(t) ?? []).filter((d) => names.has(d))] as const));
  const done = new Set<string>();
  const out: Yaml[] = [];
  while (out.length < tasks.length) {
    const next = tasks.find((t) => !done.has(String(t.name)) && (deps.get(t) ?? []).every((d) => done.has(d)));
    const pick = next ?? tasks.find((t) => !done.has(String(t.name))); // a cycle: keep going, Argo reports it
    if (!pick) break;
    done.add(String(pick.name));
    out.push(pick);
  }
  return out;
}

/**
 * A raw DAGTask or WorkflowStep (escape hatch). Its strings still use the handles in scope (the template's inputs,
 * tasks or steps declared so far); its `dependencies`/`depends` stay as written, as the DSL infers nothing for it.
 * The callee is named by string, so its template is listed in the workflow's `templates`.
 */
export function rawCall(ctx: DocContext, c: Yaml, why: string, scope: Scope): Code {
  ctx.counts.rawCall++;
  ctx.warnings.push(`raw ${why}`);
  const { inline, ...rest } = c;
  const code = valueCode(rest, scope, ctx.counts);
  if (inline === undefined || typeof code === 'string' || code.kind !== 'object') return code;
  // An inline template has its own inputs: none of the enclosing handles apply inside it.
  return { ...code, entries: [...code.entries, ['inline', valueCode(inline, ctx.base, ctx.counts)] as const] };
}
