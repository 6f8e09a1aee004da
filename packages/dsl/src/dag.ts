import type * as model from '@argo-gen/model';
import { ArgoGenError, findGraphCycle, type Issue, issue, type SourceLocation } from '@argo-gen/model';
import { dependenciesOf } from './data-deps.js';
import type { Depends } from './depends.js';
import { type CallSite, captureSite } from './internal/source.js';
import type { NodeNamesOf } from './node-names.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import type { Task } from './task.js';
import { makeTemplate, type Template, type TemplateOptions } from './template.js';
import type { WithRefs } from './with-refs.js';

/** A DAG entry: a DSL task, or a raw Argo DAGTask (escape hatch; still validated at synthesis). */
export type DagEntry = Task | model.DAGTask;

export interface DagOptions<I extends InputSpecs, O extends OutputSpecs> extends TemplateOptions<I, O> {
  /** Argo's DAG `failFast` and `target`. */
  readonly dag?: WithRefs<Omit<model.DAGTemplate, 'tasks'>>;
}

export function isTask(entry: unknown): entry is Task {
  return typeof entry === 'object' && entry !== null && (entry as { kind?: unknown }).kind === 'task';
}

/**
 * A DAG template. The graph is checked when it is assembled: duplicate names, dependencies on tasks of another DAG,
 * data references to tasks that are not here, and cycles (reported with their path).
 */
export function dag<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  Name extends string = string,
  T extends readonly DagEntry[] = readonly DagEntry[],
>(name: Name, tasks: T, options: DagOptions<I, O> = {}): Template<I, O, Name | NodeNamesOf<T[number]>> {
  const site = captureSite();
  const { dag: dagFields, ...templateOptions } = options;
  checkGraph(name, tasks, site);
  return makeTemplate<I, O, Name | NodeNamesOf<T[number]>>(
    name,
    { type: 'dag', tasks, dag: dagFields ?? {} },
    templateOptions,
    site,
  );
}

/** A task's full `depends`: its explicit expression, `after`, and the tasks whose data it reads. */
export function dependsOf(t: Task): Depends | undefined {
  return dependenciesOf(t).depends;
}

/** Whether a task of this DAG has `continueOn`: then the DAG is written with `dependencies` (see renderTemplate). */
export function continuesOnAny(entries: readonly DagEntry[]): boolean {
  return entries.some((e) => (isTask(e) ? e.passThrough.continueOn : e.continueOn) !== undefined);
}

function entryName(e: DagEntry): string {
  return isTask(e) ? e.name : (e.name ?? '');
}

function checkGraph(dagName: string, entries: readonly DagEntry[], site: CallSite): void {
  const problems: Issue[] = [];
  const byName = new Map<string, DagEntry>();
  const where = (e: DagEntry) => (isTask(e) ? e.source : site());
  for (const e of entries) {
    const n = entryName(e);
    if (byName.has(n))
      problems.push(
        issue('dsl/duplicate-task', '', `DAG '${dagName}' has two tasks named '${n}'`, { source: where(e) }),
      );
    byName.set(n, e);
  }
  const edges = new Map<string, readonly string[]>();
  for (const e of entries) {
    if (!isTask(e)) {
      edges.set(entryName(e), [...(e.dependencies ?? [])]);
      continue;
    }
    // `after` holds tasks, which must be these very tasks; `depends` names tasks, which must be here.
    for (const other of e.after) {
      const otherName = entryName(other);
      if (!byName.has(otherName) || (isTask(other) && byName.get(otherName) !== other))
        problems.push(foreignDependency(dagName, e, otherName));
    }
    for (const n of e.depends?.tasks ?? []) if (!byName.has(n)) problems.push(foreignDependency(dagName, e, n));
    const { used, depends } = dependenciesOf(e);
    for (const name of used) {
      if (!byName.has(name)) {
        problems.push(
          issue(
            'dsl/unknown-task-reference',
            '',
            `task '${e.name}' uses an output of task '${name}', which is not in DAG '${dagName}'`,
            {
              source: e.source,
            },
          ),
        );
      }
    }
    edges.set(e.name, depends?.tasks ?? []);
  }
  if (continuesOnAny(entries)) checkContinueOn(dagName, entries, where, problems);
  const cycle = findCycle(edges);
  if (cycle) {
    const first = byName.get(cycle[0] as string);
    problems.push(
      issue('dsl/dag-cycle', '', `DAG '${dagName}' has a dependency cycle: ${cycle.join(' -> ')}`, {
        source: first && isTask(first) ? first.source : site(),
      }),
    );
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
}

/**
 * A DAG with `continueOn` is written with `dependencies`, which cannot say a `depends` expression (`a.failed`, `or`,
 * `not`): a task with one is refused here, at its call site, rather than by Argo when the workflow is submitted.
 */
function checkContinueOn(
  dagName: string,
  entries: readonly DagEntry[],
  where: (e: DagEntry) => SourceLocation | undefined,
  problems: Issue[],
): void {
  const continuing = entries.find((e) => (isTask(e) ? e.passThrough.continueOn : e.continueOn) !== undefined);
  const continuingName = continuing ? entryName(continuing) : '';
  for (const e of entries) {
    if (e.depends === undefined) continue;
    problems.push(
      issue(
        'dsl/continue-on-with-depends',
        '',
        `task '${entryName(e)}' has a 'depends' expression, and task '${continuingName}' of DAG '${dagName}' has ` +
          "'continueOn': Argo forbids both in one DAG; drop 'continueOn' and say the continuation in 'depends' " +
          `(or(${continuingName}.succeeded, ${continuingName}.failed)), or order with 'after' only`,
        { source: where(e) },
      ),
    );
  }
}

function foreignDependency(dagName: string, t: Task, otherName: string): Issue {
  return issue(
    'dsl/foreign-dependency',
    '',
    `task '${t.name}' depends on task '${otherName}', which is not in DAG '${dagName}'`,
    { source: t.source },
  );
}

/**
 * The first cycle found by depth-first search, as a path that ends where it starts; visits names in order and
 * ignores edges to names that are not in the map. The search itself is the model's (the lint uses the same one).
 */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  return findGraphCycle([...edges.keys()], (n) => knownTargets(edges, n));
}

const NO_EDGES: readonly string[] = [];

/** The edges of `n` to names in the map: its own list when all are (no copy, the usual case), else a filtered copy. */
function knownTargets(edges: ReadonlyMap<string, readonly string[]>, n: string): readonly string[] {
  const targets = edges.get(n);
  if (targets === undefined) return NO_EDGES;
  for (let i = 0; i < targets.length; i++)
    if (!edges.has(targets[i] as string)) return targets.filter((m) => edges.has(m));
  return targets;
}
