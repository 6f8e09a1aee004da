/**
 * DAG templates, as the controller's `executeDAG`/`executeDAGTask` run them: tasks are visited from the targets
 * (`dag.target`, else every task nobody depends on, sorted), dependencies first; a task whose `depends` logic is false
 * is Omitted; its `when` is evaluated after substitution (false: Skipped); loops make a TaskGroup of iterations. A
 * task starts when its dependencies (and their hooks and exit handlers) are done. The DAG's phase is assessed over
 * its branches (`assessDAGPhase`), and its outbound nodes are its targets' outbound nodes.
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import { assessDagPhase } from './dag-phase.js';
import type { Engine } from './engine.js';
import { executeTemplate } from './execute-template.js';
import { type CompiledDepends, compileDepends, evaluateDepends, type TaskResults } from './expr/depends.js';
import { evaluateWhen, failurePhase, isUnsupported, substituteDeep } from './expressions.js';
import { runExitHook, runLifecycleHooks } from './hooks.js';
import { isLoop, iterations, type Loop, loopItems } from './loops.js';
import { Slots } from './parallelism.js';
import { holderFields, holderOf, resolveTaskReferences } from './references.js';
import { isFailedOrError, isFulfilled, isNodeFulfilled, type RunNode } from './run-state.js';
import {
  addAggregateToScope,
  addEntries,
  addNodeToScope,
  addSkippedOutputsToScope,
  aggregateEntries,
  hasSkippedOutputs,
  layerOver,
  type MutableScope,
  nodeEntries,
  type ScopeEntries,
  scopeOf,
  skippedOutputEntries,
} from './scope.js';
import { declaresOutputParameters, templateOutputs } from './template-outputs.js';
import { resolveTemplate } from './templates.js';

export interface DagTask {
  readonly name: string;
  readonly depends?: string;
  readonly dependencies?: readonly string[];
  readonly continueOn?: { readonly failed?: boolean; readonly error?: boolean };
  readonly [key: string]: unknown;
}

interface Dag {
  readonly tasks?: readonly DagTask[];
  readonly target?: string;
  readonly failFast?: boolean;
}

/**
 * One execution of a DAG template: what its tasks' visits share. One record made by a literal, read by the functions
 * below (not closures made per execution): V8 keeps a top-level function's optimised code, and a literal's hidden
 * class, across a full GC, where the closures of an execution that has ended lose theirs and are optimised again on
 * the next run (a simulate after a full GC cost ~1.6x one without it at N=1000).
 */
interface DagRun {
  readonly e: Engine;
  readonly a: Attempt;
  readonly node: RunNode;
  readonly tasks: ReadonlyMap<string, DagTask>;
  readonly resolved: Map<string, CompiledDepends>;
  /** One string per task: node ids are looked up by name, and a string already hashed is found at once. */
  readonly nodeNames: Map<string, string>;
  readonly ancestorSets: Map<string, Set<string>>;
  readonly contributions: Map<string, ScopeEntries>;
  readonly referenced: Map<string, Set<string> | 'all'>;
  readonly visited: Set<string>;
  readonly notRunWithHooks: { task: DagTask; name: string; parent: RunNode }[];
  readonly slots: Slots;
  /** The DAG's scope and the workflow's globals (dagBase), and the globals' version it was built at. */
  base: MutableScope | undefined;
  baseVersion: number;
}

export function executeDag(e: Engine, a: Attempt): RunNode {
  const dag = (a.template.dag ?? {}) as Dag;
  const node = withInputs(e.state.create(nodeBase(a, 'DAG')), a.inputs);
  const tasks = new Map((dag.tasks ?? []).map((t) => [t.name, t]));
  const r: DagRun = {
    e,
    a,
    node,
    tasks,
    resolved: new Map(),
    nodeNames: new Map(),
    ancestorSets: new Map(),
    contributions: new Map(),
    referenced: new Map(),
    visited: new Set(),
    notRunWithHooks: [],
    slots: new Slots(a.template.parallelism),
    base: undefined,
    baseVersion: -1,
  };
  const dependedOn = new Set([...tasks.keys()].flatMap((t) => dependsOf(r, t).dependencies));
  const target = dag.target ? substituteDeep(dag.target, attemptScope(a)) : undefined;
  const targets = target?.ok
    ? String(target.value).split(' ')
    : [...tasks.keys()].filter((t) => !dependedOn.has(t)).sort();

  for (const target of targets) visit(r, target);
  // A skipped or omitted task's hooks are evaluated (with its final status) when the controller next looks at it:
  // a target's in the same pass, another's only if the DAG is still running afterwards.
  const lastDone = doneWithin(e, node, a.at);
  for (const h of r.notRunWithHooks) {
    if (!targets.includes(h.name) && (h.parent.finishedAt ?? h.parent.startedAt) >= lastDone) continue;
    const site = { task: h.task, ref: 'tasks' as const, name: h.name, boundaryID: node.id, base: a.base };
    runLifecycleHooks(e, { ...site, parent: h.parent, scope: taskScope(r, h.name) });
  }
  const phase = assessDagPhase(
    e.state,
    node,
    targets.map((t) => taskNodeName(r, t)),
    (target) => {
      const task = tasks.get(target.slice(a.nodeName.length + 1));
      return task?.continueOn;
    },
    dag.failFast !== false,
  );
  const end = doneWithin(e, node, a.at);
  node.outboundNodes = targets.flatMap((t) => {
    const n = taskNode(r, t);
    return n ? e.state.outboundOf(n.id) : [];
  });
  if (phase.phase !== 'Succeeded') return e.state.mark(node, phase.phase, end, phase.message);
  if (!declaresOutputParameters(a.template)) return e.state.mark(node, 'Succeeded', end);
  const scope = scopeOf(attemptScope(a), e.globals);
  for (const [name, t] of tasks) {
    const n = taskNode(r, name);
    if (!n) continue;
    if (n.type === 'TaskGroup')
      addAggregateToScope(
        scope,
        'tasks',
        name,
        n.children.map((id) => e.state.get(id)),
      );
    addNodeToScope(scope, e.state, 'tasks', name, n);
    const resolved = resolveTemplate(holderOf(t), a.base, e.library);
    addSkippedOutputsToScope(scope, 'tasks', name, n, resolved.ok ? resolved.template : undefined);
  }
  const outputs = templateOutputs(e, a.template, scope);
  if (!outputs.ok) {
    if (outputs.phase === 'Error') node.executionError = outputs.reason;
    return e.state.mark(node, outputs.phase, end, outputs.reason);
  }
  if (outputs.value) node.outputs = outputs.value;
  return e.state.mark(node, 'Succeeded', end);
}

/** A task's dependencies and compiled `depends` logic, read once per task. */
function dependsOf(r: DagRun, name: string): CompiledDepends {
  let resolved = r.resolved.get(name);
  if (!resolved) {
    resolved = compileDepends(r.tasks.get(name) ?? {}, (dep) => r.tasks.get(dep)?.continueOn);
    r.resolved.set(name, resolved);
  }
  return resolved;
}

function taskNodeName(r: DagRun, task: string): string {
  let n = r.nodeNames.get(task);
  if (n === undefined) {
    n = `${r.a.nodeName}.${task}`;
    r.nodeNames.set(task, n);
  }
  return n;
}

function taskNode(r: DagRun, task: string): RunNode | undefined {
  return r.e.state.byName(taskNodeName(r, task));
}

/** `GetTaskAncestry`: every task this one depends on, directly or not. */
function ancestors(r: DagRun, name: string): Set<string> {
  let set = r.ancestorSets.get(name);
  if (!set) {
    set = new Set();
    for (const d of dependsOf(r, name).dependencies) {
      set.add(d);
      for (const x of ancestors(r, d)) set.add(x);
    }
    r.ancestorSets.set(name, set);
  }
  return set;
}

/** Whether `anc` is among `ancestors(name)`, searched nearest first (a task mostly reads its direct dependencies). */
function isAncestor(r: DagRun, name: string, anc: string): boolean {
  const direct = dependsOf(r, name).dependencies;
  if (direct.includes(anc)) return true;
  const queue = [...direct];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i] as string;
    if (d === anc) return true;
    for (const x of dependsOf(r, d).dependencies) {
      if (!seen.has(x)) {
        seen.add(x);
        queue.push(x);
      }
    }
  }
  return false;
}

/** What one finished task adds to its descendants' scope, computed once: a finished node does not change. */
function contribution(r: DagRun, anc: string, n: RunNode): ScopeEntries {
  const cached = r.contributions.get(anc);
  if (cached) return cached;
  const { e, a } = r;
  const entries: ScopeEntries = [];
  if (n.type === 'TaskGroup') {
    const iterationNodes = n.children.map((id) => e.state.get(id)).filter((x) => x.name.startsWith(`${n.name}(`));
    aggregateEntries('tasks', anc, iterationNodes, entries);
  }
  nodeEntries(e.state, 'tasks', anc, n, entries);
  const t = r.tasks.get(anc);
  if (t && hasSkippedOutputs(n)) {
    const resolved = resolveTemplate(holderOf(t), a.base, e.library);
    skippedOutputEntries('tasks', anc, n, resolved.ok ? resolved.template : undefined, entries);
  }
  if (isFulfilled(n.phase)) r.contributions.set(anc, entries);
  return entries;
}

/**
 * `buildLocalScopeFromTask`: the DAG's scope plus every ancestor's outputs. Only the ancestors the task's text
 * names are added (what else it holds no tag can read), unless an expression could reach any of them: an expression
 * tag, or a lifecycle hook's `expression` (expr-lang, where `tasks['build-web']` names a task without `tasks.`).
 */
function namedIn(r: DagRun, name: string): Set<string> | 'all' {
  let named = r.referenced.get(name);
  if (!named) {
    const task = r.tasks.get(name);
    const texts = stringsIn(task);
    if (task?.hooks !== undefined || texts.some((t) => t.includes('{{='))) named = 'all';
    else {
      named = new Set();
      for (const text of texts) {
        if (!text.includes('tasks.')) continue;
        for (const m of text.matchAll(TASK_REFERENCE)) named.add(m[1] as string);
      }
    }
    r.referenced.set(name, named);
  }
  return named;
}

/**
 * The DAG's scope and the workflow's globals, which every task's scope is a layer over: built once, and again only
 * when a global changed (a task's global output is seen by the tasks after it).
 */
function dagBase(r: DagRun): MutableScope {
  if (r.base === undefined || r.baseVersion !== r.e.globalsVersion) {
    r.base = scopeOf(attemptScope(r.a), r.e.globals);
    r.baseVersion = r.e.globalsVersion;
  }
  return r.base;
}

function taskScope(r: DagRun, name: string): MutableScope {
  const scope = layerOver(dagBase(r));
  const named = namedIn(r, name);
  // The scope is a map whose order nothing reads (expression environments sort their keys), so the named
  // ancestors are looked up directly rather than filtered out of the whole ancestry.
  const from = named === 'all' ? ancestors(r, name) : [...named].filter((anc) => isAncestor(r, name, anc));
  for (const anc of from) {
    const n = taskNode(r, anc);
    if (n) addEntries(scope, contribution(r, anc, n));
  }
  return scope;
}

/** One task's visit: what its nodes are connected to and created with. */
interface TaskVisit {
  readonly task: DagTask;
  readonly name: string;
  readonly nodeName: string;
  readonly dependencies: readonly string[];
  readonly start: number;
  /** The TaskGroup of a looped task, once made. */
  group: RunNode | undefined;
}

/** Links a node of the task under its group, else under its dependencies' outbound nodes, else under the DAG. */
function connect(r: DagRun, v: TaskVisit, child: string): void {
  const { e } = r;
  if (v.dependencies.length === 0 || v.group) {
    e.state.addChild(v.group ? v.group.name : r.a.nodeName, child);
    return;
  }
  for (const dep of v.dependencies) {
    const depNode = taskNode(r, dep);
    if (!depNode) continue;
    for (const out of e.state.outboundOf(depNode.id)) e.state.addChild(e.state.get(out).name, child);
  }
}

/** A node of the task that does not run (omitted, skipped, in error or undetermined before it starts). */
function skippedNode(r: DagRun, v: TaskVisit, childName: string, phase: RunNode['phase'], message: string): void {
  const { e, a } = r;
  connect(r, v, childName);
  const skipped = e.state.create({
    name: childName,
    type: 'Skipped',
    phase,
    at: v.start,
    boundaryID: r.node.id,
    ...holderFields(v.task),
    templateScope: `${a.base.scope}/${a.base.name}`,
    message,
  });
  if (childName === v.nodeName && isFulfilled(skipped.phase) && v.task.hooks !== undefined) {
    r.notRunWithHooks.push({ task: v.task, name: v.name, parent: skipped });
  }
}

function visit(r: DagRun, name: string): void {
  const { e, a, node } = r;
  if (r.visited.has(name)) return;
  r.visited.add(name);
  const task = r.tasks.get(name);
  if (!task) return;
  const depends = dependsOf(r, name);
  const { dependencies } = depends;
  for (const dep of dependencies) visit(r, dep);
  let start = a.at;
  // keyed by the dependencies' names: a table, not an object shape per task
  const results: Record<string, TaskResults> = Object.create(null);
  for (const dep of dependencies) {
    const depNode = taskNode(r, dep);
    if (!depNode || !isNodeFulfilled(depNode) || !hooksFulfilled(e, depNode)) return;
    start = Math.max(start, e.state.doneAt(depNode));
    results[dep] = taskResults(e, depNode);
  }
  const nodeName = taskNodeName(r, name);
  const v: TaskVisit = { task, name, nodeName, dependencies, start, group: undefined };
  if (depends.hasLogic) {
    const go = evaluateDepends(depends, results);
    if (!go.ok) {
      skippedNode(r, v, nodeName, isUnsupported(go.reason) ? 'Undetermined' : 'Error', go.reason);
      return;
    }
    if (go.value === false) {
      skippedNode(r, v, nodeName, 'Omitted', 'omitted: depends condition not met');
      return;
    }
  }
  const scope = taskScope(r, name);
  const resolvedTask = resolveTaskReferences(task, scope);
  if (!resolvedTask.ok) {
    skippedNode(r, v, nodeName, failurePhase(resolvedTask.reason), resolvedTask.reason);
    return;
  }
  const t = resolvedTask.task;
  const expanded: { name: string; task: DagTask }[] = [];
  if (isLoop(t as Loop)) {
    const items = loopItems(t as Loop);
    if (!items.ok) {
      const whenNow = t.when ? evaluateWhen(String(t.when)) : { ok: true as const, value: true };
      if (!whenNow.ok || whenNow.value === true) {
        skippedNode(r, v, nodeName, 'Error', items.reason);
        return;
      }
    }
    const list = items.ok ? (items.value as unknown[]) : [];
    if (list.length === 0) {
      skippedNode(r, v, nodeName, 'Skipped', 'Skipped, empty params');
      return;
    }
    connect(r, v, nodeName);
    v.group = e.state.create({
      name: nodeName,
      type: 'TaskGroup',
      phase: 'Running',
      at: start,
      boundaryID: node.id,
      ...holderFields(task),
      templateScope: `${a.base.scope}/${a.base.name}`,
    });
    for (const it of iterations(name, list)) {
      const sub = substituteDeep(withoutLoop(t), layerOver(scope, it.names));
      if (!sub.ok) {
        expanded.push({ name: it.name, task: { ...t, when: undefined, undetermined: sub.reason } });
        continue;
      }
      expanded.push({ name: it.name, task: { ...(sub.value as DagTask), name: it.name } });
    }
  } else expanded.push({ name, task: t });

  for (const x of expanded) {
    const childName = taskNodeName(r, x.name);
    if (typeof x.task.undetermined === 'string') {
      skippedNode(r, v, childName, 'Undetermined', x.task.undetermined);
      continue;
    }
    if (x.task.when !== undefined && x.task.when !== '') {
      const when = String(x.task.when);
      const go = evaluateWhen(when);
      if (!go.ok) {
        skippedNode(r, v, childName, isUnsupported(go.reason) ? 'Undetermined' : 'Error', go.reason);
        continue;
      }
      if (go.value === false) {
        skippedNode(r, v, childName, 'Skipped', `when '${when}' evaluated false`);
        continue;
      }
    }
    connect(r, v, childName);
    const childStart = r.slots.firstFree(start);
    const child = executeTemplate(e, {
      nodeName: childName,
      holder: holderOf(x.task),
      base: a.base,
      args: x.task.arguments as Record<string, unknown> | undefined,
      boundaryID: node.id,
      at: childStart,
      // executeTemplate's local names; `item` is not one: it was substituted into the task as it expanded
      local: { 'tasks.name': x.name },
    });
    if (child.executionError !== undefined) {
      // executeDAGTask: the task's error is reported on its node, and its exit handler does not run
      e.state.mark(
        child,
        'Error',
        child.finishedAt ?? childStart,
        `task '${childName}' errored: ${child.executionError}`,
      );
      r.slots.take(childStart, e.state.doneAt(child));
      continue;
    }
    // the hook site (and the task's scope for it) only for a task with hooks; its exit handler ends before the slot frees
    const site = hasHooks(x.task)
      ? {
          task: x.task,
          ref: 'tasks' as const,
          name,
          scope: taskScope(r, name),
          boundaryID: node.id,
          base: a.base,
          parent: child,
        }
      : undefined;
    if (site) runExitHook(e, site);
    r.slots.take(childStart, e.state.doneAt(child));
    if (site && !v.group) runLifecycleHooks(e, site);
  }
  const group = v.group;
  if (group) {
    const members = group.children.map((id) => e.state.get(id));
    if (members.some((m) => !isNodeFulfilled(m))) {
      const open = members.find((m) => m.phase === 'Undetermined') ?? members.find((m) => !isNodeFulfilled(m));
      e.state.mark(group, open?.phase === 'Undetermined' ? 'Undetermined' : 'Running', start, open?.message);
      return;
    }
    let phase: RunNode['phase'] = 'Succeeded';
    for (const m of members) if (isFailedOrError(m.phase)) phase = m.phase;
    e.state.mark(group, phase, Math.max(start, ...members.map((m) => e.state.doneAt(m))));
    runLifecycleHooks(e, {
      parent: group,
      task,
      ref: 'tasks',
      name,
      scope: hasHooks(task) ? taskScope(r, name) : {},
      boundaryID: node.id,
      base: a.base,
    });
  }
}

/** `tasks.<name>` in a task's text: the tasks whose outputs it may read. */
const TASK_REFERENCE = /tasks\.([a-zA-Z0-9][-a-zA-Z0-9]*)/g;

/**
 * The strings a task holds: what substitution and hook expressions read (keys are not substituted, and a key that
 * looks like a reference reads nothing).
 */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** Whether a task has an exit handler or lifecycle hooks (whose scope is then worth building). */
function hasHooks(task: Readonly<Record<string, unknown>>): boolean {
  return (typeof task.onExit === 'string' && task.onExit !== '') || task.hooks !== undefined;
}

function withoutLoop(task: DagTask): DagTask {
  const { withItems: _i, withParam: _p, withSequence: _s, ...rest } = task;
  return rest as DagTask;
}

/** When the last of the nodes inside `boundary` is done (hooks included), and not before `from`. */
function doneWithin(e: Engine, boundary: RunNode, from: number): number {
  let at = from;
  for (const n of e.state.boundedBy(boundary.id)) at = Math.max(at, e.state.doneAt(n));
  return at;
}

/** `CheckAllHooksFullfilled`: a dependant also waits for its dependency's hooks and exit handler. */
export function hooksFulfilled(e: Engine, node: RunNode): boolean {
  return (node.hooks ?? []).every((id) => isFulfilled(e.state.get(id).phase));
}

function taskResults(e: Engine, n: RunNode): TaskResults {
  let anySucceeded = false;
  let allFailed = false;
  if (n.type === 'TaskGroup') {
    allFailed = n.children.length > 0;
    for (const id of n.children) {
      const phase = e.state.get(id).phase;
      anySucceeded = anySucceeded || phase === 'Succeeded';
      allFailed = allFailed && phase === 'Failed';
    }
  }
  return {
    Succeeded: n.phase === 'Succeeded',
    Failed: n.phase === 'Failed',
    Errored: n.phase === 'Error',
    Skipped: n.phase === 'Skipped',
    Omitted: n.phase === 'Omitted',
    Daemoned: !!n.daemoned && n.phase !== 'Pending',
    AnySucceeded: anySucceeded,
    AllFailed: allFailed,
  };
}
