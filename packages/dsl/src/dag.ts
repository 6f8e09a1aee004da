import type * as model from '@argo-gen/model';
import { ArgoGenError, findGraphCycle, type Issue, issue, type SourceLocation } from '@argo-gen/model';
import { referencedCalls } from './data-deps.js';
import { and, type Depends, dependsAtom } from './depends.js';
import { captureSource } from './internal/source.js';
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
>(name: string, tasks: readonly DagEntry[], options: DagOptions<I, O> = {}): Template<I, O> {
  const source = captureSource();
  const { dag: dagFields, ...templateOptions } = options;
  checkGraph(name, tasks, source);
  return makeTemplate(name, { type: 'dag', tasks, dag: dagFields ?? {} }, templateOptions, source);
}

/** A task's full `depends`: its explicit expression, `after`, and the tasks whose data it reads. */
export function dependsOf(t: Task): Depends | undefined {
  const explicit = t.depends ? [t.depends] : [];
  const mentioned = new Set(t.depends?.tasks ?? []);
  const implicit: Depends[] = [];
  for (const n of [...t.after.map((a) => a.name), ...referencedCalls(t, 'tasks')]) {
    if (mentioned.has(n)) continue;
    mentioned.add(n);
    implicit.push(dependsAtom(n));
  }
  const parts = [...explicit, ...implicit];
  return parts.length === 0 ? undefined : and(...parts);
}

function entryName(e: DagEntry): string {
  return isTask(e) ? e.name : (e.name ?? '');
}

function checkGraph(dagName: string, entries: readonly DagEntry[], source: SourceLocation | undefined): void {
  const problems: Issue[] = [];
  const byName = new Map<string, DagEntry>();
  const where = (e: DagEntry) => (isTask(e) ? e.source : source);
  for (const e of entries) {
    const n = entryName(e);
    if (byName.has(n))
      problems.push(
        issue('dsl/duplicate-task', '', `DAG '${dagName}' has two tasks named '${n}'`, { source: where(e) }),
      );
    byName.set(n, e);
  }
  const edges = new Map<string, string[]>();
  for (const e of entries) {
    if (!isTask(e)) {
      edges.set(entryName(e), [...(e.dependencies ?? [])]);
      continue;
    }
    for (const other of [...e.after, ...(e.depends?.tasks ?? []).map((n) => byName.get(n) ?? n)]) {
      const target = typeof other === 'string' ? undefined : other;
      const otherName = typeof other === 'string' ? other : entryName(other);
      if (!byName.has(otherName) || (target && isTask(target) && byName.get(otherName) !== target)) {
        problems.push(
          issue(
            'dsl/foreign-dependency',
            '',
            `task '${e.name}' depends on task '${otherName}', which is not in DAG '${dagName}'`,
            {
              source: e.source,
            },
          ),
        );
      }
    }
    for (const used of referencedCalls(e, 'tasks')) {
      if (!byName.has(used)) {
        problems.push(
          issue(
            'dsl/unknown-task-reference',
            '',
            `task '${e.name}' uses an output of task '${used}', which is not in DAG '${dagName}'`,
            {
              source: e.source,
            },
          ),
        );
      }
    }
    edges.set(e.name, dependsOf(e)?.tasks.slice() ?? []);
  }
  const cycle = findCycle(edges);
  if (cycle) {
    const first = byName.get(cycle[0] as string);
    problems.push(
      issue('dsl/dag-cycle', '', `DAG '${dagName}' has a dependency cycle: ${cycle.join(' -> ')}`, {
        source: first && isTask(first) ? first.source : source,
      }),
    );
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
}

/**
 * The first cycle found by depth-first search, as a path that ends where it starts; visits names in order and
 * ignores edges to names that are not in the map. The search itself is the model's (the lint uses the same one).
 */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  return findGraphCycle([...edges.keys()], (n) => (edges.get(n) ?? []).filter((m) => edges.has(m)));
}
