import { argsProblem, CALL_KEYS, calleeOf, commonOptions, declareCall, hooksProblem, NAME } from './call-options.js';
import { rawCall } from './calls.js';
import { arr, type Code, obj } from './code.js';
import type { DocContext, Yaml } from './context.js';
import { dependsCode, parseDepends, plainTasks, tasksIn } from './depends.js';
import type { CallHandle, Scope } from './expressions.js';

/** The tasks a DAG task declares it depends on (`dependencies`, or the tasks its `depends` names). */
export function declaredDeps(t: Yaml): string[] | undefined {
  if (Array.isArray(t.dependencies)) return t.dependencies.map(String);
  if (typeof t.depends === 'string') {
    const ast = parseDepends(t.depends);
    return ast ? tasksIn(ast) : undefined;
  }
  return [];
}

function problem(ctx: DocContext, t: Yaml, handles: ReadonlyMap<string, CallHandle>): string | undefined {
  const extra = Object.keys(t).filter((k) => !CALL_KEYS.includes(k) && k !== 'dependencies' && k !== 'depends');
  if (extra.length) return `uses ${extra.join(', ')}`;
  if (typeof t.name !== 'string' || !NAME.test(t.name)) return 'has a name the DSL refuses';
  if (t.dependencies !== undefined && t.depends !== undefined) return 'has both dependencies and depends';
  const deps = declaredDeps(t);
  if (!deps) return `has a depends expression that does not parse: ${t.depends}`;
  const missing = deps.find((d) => !handles.has(d));
  if (missing) return `depends on '${missing}', which is not a DSL task of this DAG`;
  return hooksProblem(ctx, t);
}

/** Declares one DAG task; returns its variable (or a raw DAGTask object). */
export function dagTask(ctx: DocContext, owner: string, t: Yaml, scope: Scope, handles: Map<string, CallHandle>): Code {
  const who = `task '${t.name}' of '${owner}'`;
  const why = problem(ctx, t, handles);
  const callee = why ? undefined : calleeOf(ctx, t);
  const argsWhy = callee ? argsProblem(t, callee.info) : undefined;
  if (why || !callee || argsWhy)
    return rawCall(ctx, t, `${who}: ${why ?? argsWhy ?? 'its template cannot be a DSL callee'}`, {
      ...scope,
      calls: { prefix: 'tasks', get: (n) => (n === t.name ? undefined : handles.get(n)) },
    });
  const declared = new Set(declaredDeps(t));
  const implied = new Set<string>();
  const dataScope: Scope = {
    ...scope,
    calls: { prefix: 'tasks', get: (n) => (declared.has(n) ? handles.get(n) : undefined) },
    onCall: (n) => implied.add(n),
  };
  const hookScope: Scope = { ...scope, calls: { prefix: 'tasks', get: (n) => handles.get(n) } };
  const common = commonOptions(ctx, t, dataScope, hookScope);
  const varOf = (n: string) => (handles.get(n) as CallHandle).varName;
  const ast = typeof t.depends === 'string' ? parseDepends(t.depends) : undefined;
  const plain = Array.isArray(t.dependencies) ? t.dependencies.map(String) : ast ? plainTasks(ast) : [];
  let ordering: readonly [string, Code | undefined];
  if (plain) {
    const after = plain.filter((d) => !implied.has(d));
    ordering = ['after', after.length ? arr(after.map(varOf)) : undefined];
  } else {
    ordering = ['depends', dependsCode(ast as NonNullable<typeof ast>, varOf, ctx.imports)];
  }
  const options = obj([...common.slice(0, 1), ordering, ...common.slice(1)]);
  return declareCall(ctx, 'task', t, callee, options, handles);
}
