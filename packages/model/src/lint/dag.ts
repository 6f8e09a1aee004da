import type { DAGTask } from '../gen/types.gen.js';
import { checkCallSite } from './call-site.js';
import { parseDepends, TASK_RESULTS } from './depends.js';
import { type LintDoc, list, type TemplateAt } from './document.js';
import { findCycle } from './graph.js';
import { checkedName } from './name-tags.js';
import { checkFieldNames } from './names.js';
import { checkNodeTags, checkTemplateTags, nodeAttribute } from './references.js';
import { type GlobalScope, inputsOf, loopOf, type NodeResolver } from './scope.js';
import { normalizeTags } from './tags.js';
import type { Callee } from './template-refs.js';

const RESULTS: ReadonlySet<string> = new Set(TASK_RESULTS);
const NONE: readonly string[] = [];

/** `/^[0-9]/` without a regex run per task. */
function startsWithDigit(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** DAG templates (argo-validation-rules.md §6, rules 40–50, and the DAG rules among the CRD's CEL rules). */
export function checkDag(d: LintDoc, at: TemplateAt, global: GlobalScope): void {
  const { sink } = d;
  const dag = at.template.dag;
  if (!dag) return;
  const tasks = list(dag.tasks);
  const base = `${at.path}/dag`;
  // Plain loops over the tasks, each task's pointer built once: this is per-task work on documents of thousands of
  // tasks, mostly before the JIT has compiled it.
  const paths: string[] = [];
  const index = new Map<string, number>();
  let usesDepends = false;
  let usesDependencies = false;
  let usesBothInOneTask = false;
  for (let i = 0; i < tasks.length; i++) {
    paths.push(`${base}/tasks/${i}`);
    const t = tasks[i];
    if (typeof t?.name === 'string' && !index.has(t.name)) index.set(t.name, i);
    if (t?.depends !== undefined) usesDepends = true;
    if (t?.dependencies !== undefined) usesDependencies = true;
    if (t?.depends !== undefined && t.dependencies !== undefined) usesBothInOneTask = true;
  }
  const taskPath = (i: number) => paths[i] ?? `${base}/tasks/${i}`;
  if (tasks.length === 0) sink.error('lint/empty-dag', `${base}/tasks`, 'must have at least one task');
  checkFieldNames(sink, tasks, taskPath, 'task', (name) => checkedName(d, at.template, name, 'task', d.argoVersion));

  // Direct dependencies of each task, from `dependencies` or the task names in `depends`; only names of tasks of this
  // DAG (others are reported here and lead nowhere).
  const deps = new Map<string, string[]>();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (!t || typeof t.name !== 'string') continue;
    const path = taskPath(i);
    const names: string[] = [];
    if (t.depends !== undefined && t.dependencies !== undefined)
      sink.error('lint/depends-and-dependencies', path, "cannot use both 'depends' and 'dependencies'");
    if (usesDepends && t.continueOn !== undefined)
      sink.error(
        'lint/continue-on-with-depends',
        `${path}/continueOn`,
        "cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'",
      );
    if ((usesDepends || usesDependencies) && startsWithDigit(t.name))
      sink.error(
        'lint/invalid-name',
        `${path}/name`,
        `task name '${t.name}' cannot begin with a digit when using either 'depends' or 'dependencies'`,
      );
    const dependencies = list(t.dependencies);
    for (let j = 0; j < dependencies.length; j++) {
      const dep = dependencies[j] as string;
      if (index.has(dep)) names.push(dep);
      else sink.error('lint/unknown-dependency', `${path}/dependencies/${j}`, `dependency '${dep}' not defined`);
    }
    if (typeof t.depends === 'string') checkDepends(d, t, `${path}/depends`, index, tasks, names);
    deps.set(t.name, names);
  }
  if (usesDepends && usesDependencies && !usesBothInOneTask) {
    const i = tasks.findIndex((t) => t?.dependencies !== undefined);
    sink.error(
      'lint/depends-and-dependencies',
      `${taskPath(i)}/dependencies`,
      "cannot use both 'depends' and 'dependencies' in the same DAG template",
    );
  }
  const cycle = findCycle([...deps.keys()], (n) => deps.get(n) ?? NONE);
  if (cycle) {
    const first = cycle[0] ?? '';
    const field = tasks[index.get(first) ?? 0]?.depends !== undefined ? 'depends' : 'dependencies';
    sink.error(
      'lint/dag-cycle',
      `${taskPath(index.get(first) ?? 0)}/${field}`,
      `dependency cycle detected: ${cycle.join(' -> ')}`,
    );
  }
  if (typeof dag.target === 'string')
    for (const target of dag.target.split(' ').filter((x) => x !== '' && !x.includes('{{')))
      if (!index.has(target)) sink.error('lint/unknown-target', `${base}/target`, `target '${target}' is not defined`);

  const callees = new Map<string, Callee>();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (!t) continue;
    const callee = checkCallSite(d, t, taskPath(i));
    if (typeof t.name === 'string' && !callees.has(t.name)) callees.set(t.name, callee);
  }
  const isAncestor = ancestry(deps);
  const resolver =
    (self: string | undefined, inHooks: boolean): NodeResolver =>
    (written, attribute) => {
      // A task name with `{{…}}` in it, as a nested reference names it (tags.ts): compared without inner spaces.
      const name = written.includes('{{')
        ? ([...index.keys()].find((k) => normalizeTags(k) === written) ?? written)
        : written;
      if (!index.has(name)) return { code: 'lint/unresolved-reference', reason: `no task '${name}' in this DAG` };
      if (self !== undefined && name !== self && !isAncestor(self, name))
        return {
          code: 'lint/missing-dependency',
          reason: '',
          message: `missing dependency '${name}' for {{tasks.${name}.${attribute}}}: task '${self}' does not depend on it, directly or through other tasks`,
        };
      if (self !== undefined && name === self && !inHooks)
        return { code: 'lint/unresolved-reference', reason: `task '${self}' cannot refer to itself outside its hooks` };
      return nodeAttribute('task', name, attribute, callees.get(name) ?? 'unknown');
    };
  const inputs = inputsOf(at.template);
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t)
      checkNodeTags(d, t, taskPath(i), at.template, inputs, global, (inHooks) => ({
        tasks: resolver(t.name, inHooks),
      }));
  }
  checkTemplateTags(d, at, global, resolver(undefined, false));
}

/**
 * `depends`: parses, names existing tasks, uses known results, and items-based results only on loops. Adds the tasks
 * it names that exist to `names`.
 */
function checkDepends(
  d: LintDoc,
  task: DAGTask,
  path: string,
  index: ReadonlyMap<string, number>,
  tasks: readonly DAGTask[],
  names: string[],
): void {
  const parsed = parseDepends(task.depends ?? '');
  if (!parsed.ok) {
    d.sink.error('lint/invalid-depends', path, `depends '${task.depends}' is invalid: ${parsed.error}`);
    return;
  }
  for (const { task: dep, result } of parsed.operands) {
    if (!index.has(dep)) {
      d.sink.error('lint/unknown-dependency', path, `dependency '${dep}' not defined`);
      continue;
    }
    names.push(dep);
    if (result === undefined) continue;
    if (!RESULTS.has(result)) {
      d.sink.error(
        'lint/invalid-task-result',
        path,
        `task result '${result}' for task '${dep}' is invalid (expected one of ${TASK_RESULTS.join(', ')})`,
      );
    } else if (
      (result === 'AnySucceeded' || result === 'AllFailed') &&
      loopOf(tasks[index.get(dep) ?? 0] ?? {}).kind === 'none'
    ) {
      d.sink.error(
        'lint/items-condition-without-items',
        path,
        `dependency '${dep}' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items`,
      );
    }
  }
}

/** `isAncestor(task, other)`: whether `other` is a direct or transitive dependency of `task`. */
function ancestry(deps: ReadonlyMap<string, readonly string[]>): (task: string, other: string) => boolean {
  const memo = new Map<string, Set<string>>();
  return (task, other) => {
    const direct = deps.get(task) ?? [];
    if (direct.includes(other)) return true;
    let all = memo.get(task);
    if (!all) {
      all = new Set<string>();
      const stack = [...direct];
      while (stack.length > 0) {
        const next = stack.pop() as string;
        if (all.has(next)) continue;
        all.add(next);
        stack.push(...(deps.get(next) ?? []));
      }
      memo.set(task, all);
    }
    return all.has(other);
  };
}
