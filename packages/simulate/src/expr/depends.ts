/**
 * How the controller evaluates a DAG task's `depends` (workflow/common/ancestry.go GetTaskDependencies and
 * workflow/controller/dag.go evaluateDependsLogic, v4.1.2). It is not govaluate: a bare task name is expanded to
 * `(t.Succeeded || t.Skipped || t.Daemoned)` (plus `t.Errored` / `t.Failed` when that task continues on them), every
 * `-` in the text becomes `_`, and the text is evaluated by expr-lang with each dependency's TaskResults, a struct:
 * a result name it lacks (`t.Passed`) or a task it does not know is a compile error, the result must be a boolean.
 */
import { TASK_RESULTS } from '@argo-gen/model';
import type { Evaluated } from './evaluated.js';
import { runExprLang } from './expr-lang.js';
import { GoStruct } from './expr-values.js';

/** The controller's TaskResults of one finished dependency. */
export interface TaskResults {
  readonly Succeeded: boolean;
  readonly Failed: boolean;
  readonly Errored: boolean;
  readonly Skipped: boolean;
  readonly Omitted: boolean;
  readonly Daemoned: boolean;
  /** For a task group (a loop): some child succeeded. */
  readonly AnySucceeded: boolean;
  /** For a task group (a loop) with children: every child failed. */
  readonly AllFailed: boolean;
}

/** What a dependency continues on (its `continueOn`), which widens a bare name's expansion. */
export interface ContinueOn {
  readonly error?: boolean;
  readonly failed?: boolean;
}

/** The kind of each dependency: `items` when the logic reads `.AnySucceeded` or `.AllFailed` (the controller waits for the whole group). */
export type DependencyKind = 'task' | 'items';

const TASK_NAME = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;

/**
 * getTaskDependsLogic + GetTaskDependencies: the task's logic with bare names expanded, and its dependencies.
 * `continueOn(name)` gives a dependency's `continueOn` (undefined: none).
 */
export function dependsLogic(
  task: { readonly depends?: string; readonly dependencies?: readonly string[] },
  continueOn: (name: string) => ContinueOn | undefined,
): { readonly logic: string; readonly dependencies: ReadonlyMap<string, DependencyKind> } {
  const expand = (name: string) => {
    const c = continueOn(name);
    const results = ['Succeeded', 'Skipped', 'Daemoned'];
    if (c?.error) results.push('Errored');
    if (c?.failed) results.push('Failed');
    return `(${results.map((r) => `${name}.${r}`).join(' || ')})`;
  };
  let logic = task.depends ? task.depends : (task.dependencies ?? []).map(expand).join(' && ');
  const dependencies = new Map<string, DependencyKind>();
  const bare: { name: string; start: number; end: number }[] = [];
  for (const m of logic.matchAll(TASK_NAME)) {
    if (m[1] !== undefined) {
      const [name, result] = m[1].split('.') as [string, string];
      if (result === 'AnySucceeded' || result === 'AllFailed') dependencies.set(name, 'items');
      else if (!dependencies.has(name)) dependencies.set(name, 'task');
    } else if (m[2] !== undefined) {
      dependencies.set(m[2], 'task');
      bare.push({ name: m[2], start: m.index, end: m.index + m[2].length });
    }
  }
  for (const b of bare.sort((x, y) => y.start - x.start))
    logic = logic.slice(0, b.start) + expand(b.name) + logic.slice(b.end);
  return { logic, dependencies };
}

/**
 * evaluateDependsLogic's evaluation: `logic` (already expanded) with the results of the dependencies, keyed by task
 * name. A task name with `-` is read with `_`, as the controller does (the first of two names that collide wins).
 */
export function evaluateDependsLogic(logic: string, results: Readonly<Record<string, TaskResults>>): Evaluated {
  const env: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(results)) {
    const key = name.replaceAll('-', '_');
    if (Object.hasOwn(env, key)) continue;
    env[key] = taskResultsStruct(r);
  }
  const text = logic.replaceAll('-', '_');
  const run = runExprLang(text, env);
  if (!run.ok) return { ok: false, reason: `unable to evaluate expression '${text}': ${run.reason}` };
  if (typeof run.value !== 'boolean')
    return { ok: false, reason: `unable to evaluate expression '${text}': unable to cast expression result to bool` };
  return { ok: true, value: run.value };
}

/** The TaskResults struct of some results: one per combination, shared, so that its nature is checked once. */
function taskResultsStruct(r: TaskResults): GoStruct {
  let bits = 0;
  for (const f of TASK_RESULTS) bits = bits * 2 + (r[f] === true ? 1 : 0);
  let s = TASK_RESULT_STRUCTS.get(bits);
  if (!s) {
    s = new GoStruct(
      'controller.TaskResults',
      Object.freeze(Object.fromEntries(TASK_RESULTS.map((f) => [f, r[f] === true]))),
    );
    TASK_RESULT_STRUCTS.set(bits, s);
  }
  return s;
}

const TASK_RESULT_STRUCTS = new Map<number, GoStruct>();
