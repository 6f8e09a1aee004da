import { andAtoms, type Depends } from './depends.js';
import type { Call, Task } from './task.js';
import { expressionsIn } from './tokens.js';

const TASK_REF = /(?:^|[^\w.'\]])(tasks|steps)(?:\.([A-Za-z0-9][-A-Za-z0-9]*)|\['([^']+)'\])/g;
/** A task or step name from `lastIndex` on (sticky): tested, not matched, so that no match object is made. */
const NAME_AT = /[A-Za-z0-9][-A-Za-z0-9]*/y;

/** Names of the tasks (or steps) whose values a call reads: in its arguments, `when` and loop source. */
export function referencedCalls(call: Call, prefix: 'tasks' | 'steps'): string[] {
  // A list, not a set: a call reads a few names at most. `{{tasks.self.…}}` inside hooks or retries is not a
  // dependency, so the call's own name is never added.
  const names: string[] = [];
  const parameters = call.arguments?.parameters;
  if (parameters)
    for (let i = 0; i < parameters.length; i++)
      addReferences(String(parameters[i]?.value ?? ''), prefix, names, call.name);
  const artifacts = call.arguments?.artifacts;
  if (artifacts)
    for (let i = 0; i < artifacts.length; i++)
      addReferences(String(artifacts[i]?.from ?? ''), prefix, names, call.name);
  if (call.when) addReferences(call.when, prefix, names, call.name);
  if (call.loop?.withParam) addReferences(call.loop.withParam, prefix, names, call.name);
  return names;
}

function addReferences(text: string, prefix: 'tasks' | 'steps', names: string[], self: string): void {
  const expressions = expressionsIn(text);
  for (let e = 0; e < expressions.length; e++) {
    const expression = expressions[e] as string;
    // A handle's own path, `tasks.<name>.…`, naming the prefix once: its one match is the name at the start.
    if (
      expression.startsWith(prefix) &&
      expression.charCodeAt(prefix.length) === 46 /* . */ &&
      expression.indexOf(prefix, 1) < 0
    ) {
      NAME_AT.lastIndex = prefix.length + 1;
      if (NAME_AT.test(expression)) add(names, expression.slice(prefix.length + 1, NAME_AT.lastIndex), self);
      continue;
    }
    // exec, not matchAll: matchAll copies the regex for every expression (TASK_REF is global; lastIndex is reset)
    TASK_REF.lastIndex = 0;
    for (let m = TASK_REF.exec(expression); m !== null; m = TASK_REF.exec(expression)) {
      if (m[1] === prefix) add(names, (m[2] ?? m[3]) as string, self);
    }
  }
}

function add(names: string[], name: string, self: string): void {
  if (name !== self && !names.includes(name)) names.push(name);
}

/** What a task's dependencies come to: the tasks whose data it reads, and its full `depends`. */
export interface TaskDependencies {
  readonly used: readonly string[];
  /** The explicit expression, `after`, and the data references, joined. */
  readonly depends: Depends | undefined;
}

/**
 * Where `task()` keeps a task's TaskDependencies, worked out once when the task is made (its inputs are frozen with
 * it): a hidden property, read by `dag()` to check the graph and by synthesis to render `depends`. Symbol(), not
 * Symbol.for(): a task made by another copy of this package is worked out afresh.
 */
export const TASK_DEPENDENCIES: unique symbol = Symbol('argo-gen.task-dependencies');

export function dependenciesOf(t: Task): TaskDependencies {
  return (t as { readonly [TASK_DEPENDENCIES]?: TaskDependencies })[TASK_DEPENDENCIES] ?? taskDependencies(t);
}

export function taskDependencies(
  t: Pick<Task, 'name' | 'after' | 'depends' | 'arguments' | 'when' | 'loop'>,
): TaskDependencies {
  const used = referencedCalls(t as Call, 'tasks');
  // The names `depends` does not mention yet, in order, each once: `after` first, then the data references. Lists,
  // not sets: a task names a few tasks.
  const mentioned = t.depends?.tasks ?? [];
  const added: string[] = [];
  for (let i = 0; i < t.after.length; i++) addOnce((t.after[i] as Task).name, mentioned, added);
  for (let i = 0; i < used.length; i++) addOnce(used[i] as string, mentioned, added);
  return Object.freeze({ used, depends: andAtoms(t.depends, added) });
}

function addOnce(name: string, mentioned: readonly string[], added: string[]): void {
  if (!mentioned.includes(name) && !added.includes(name)) added.push(name);
}
