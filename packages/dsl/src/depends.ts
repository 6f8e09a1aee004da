/**
 * Argo's enhanced `depends`: task results combined with &&, || and !. Built from task handles
 * (`build.succeeded`, `and(perf.failed, not(canary.skipped))`), never written as strings.
 */
export type TaskResult =
  | 'Succeeded'
  | 'Failed'
  | 'Errored'
  | 'Skipped'
  | 'Omitted'
  | 'Daemoned'
  | 'AnySucceeded'
  | 'AllFailed';

type Precedence = 0 | 1 | 2 | 3; // or < and < not < atom

export class Depends {
  readonly text: string;
  readonly tasks: readonly string[];
  readonly precedence: Precedence;

  constructor(text: string, tasks: readonly string[], precedence: Precedence) {
    this.text = text;
    // One name needs no de-duplication, and a frozen list of one can be shared: that is every atom.
    this.tasks = tasks.length < 2 && Object.isFrozen(tasks) ? tasks : Object.freeze([...new Set(tasks)]);
    this.precedence = precedence;
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }
}

/** `name.Result`, or bare `name` ("succeeded, skipped or daemoned": Argo's plain dependency). */
export function dependsAtom(task: string, result?: TaskResult): Depends {
  return new Depends(result ? `${task}.${result}` : task, Object.freeze([task]), 3);
}

/** A task's results as `depends` atoms: `done` (the bare name) and one per result. */
export interface ResultAtoms {
  /** `name` alone: Argo's plain dependency (succeeded, skipped or daemoned). */
  readonly done: Depends;
  readonly succeeded: Depends;
  readonly failed: Depends;
  readonly errored: Depends;
  readonly skipped: Depends;
  readonly omitted: Depends;
  readonly daemoned: Depends;
  /** For loops: at least one iteration succeeded. */
  readonly anySucceeded: Depends;
  /** For loops: every iteration failed. */
  readonly allFailed: Depends;
}

function wrap(d: Depends, min: Precedence): string {
  return d.precedence < min ? `(${d.text})` : d.text;
}

export function and(...parts: readonly Depends[]): Depends {
  if (parts.length === 0) throw new TypeError('and() needs at least one dependency');
  if (parts.length === 1) return parts[0] as Depends;
  return new Depends(
    parts.map((p) => wrap(p, 2)).join(' && '),
    parts.flatMap((p) => p.tasks),
    1,
  );
}

/**
 * `and(first, dependsAtom(n) for each of names)`, without making an atom per name: `dag()` joins every task's
 * `after` and data references this way. `names` must hold no name of `first` and no name twice.
 */
export function andAtoms(first: Depends | undefined, names: readonly string[]): Depends | undefined {
  if (first === undefined) {
    if (names.length === 0) return undefined;
    if (names.length === 1) return dependsAtom(names[0] as string);
    return new Depends(names.join(' && '), names, 1); // atoms need no parentheses
  }
  if (names.length === 0) return first;
  return new Depends([wrap(first, 2), ...names].join(' && '), [...first.tasks, ...names], 1);
}

export function or(...parts: readonly Depends[]): Depends {
  if (parts.length === 0) throw new TypeError('or() needs at least one dependency');
  if (parts.length === 1) return parts[0] as Depends;
  return new Depends(
    parts.map((p) => wrap(p, 1)).join(' || '),
    parts.flatMap((p) => p.tasks),
    0,
  );
}

export function not(part: Depends): Depends {
  return new Depends(`!${wrap(part, 3)}`, part.tasks, 2);
}
