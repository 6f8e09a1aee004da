/**
 * DAG templates, as the controller's `executeDAG`/`executeDAGTask` run them: tasks are visited from the targets
 * (`dag.target`, else every task nobody depends on, sorted), dependencies first; a task whose `depends` logic is false
 * is Omitted; its `when` is evaluated after substitution (false: Skipped); loops make a TaskGroup of iterations. A
 * task starts when its dependencies (and their hooks and exit handlers) are done. The DAG's phase is assessed over
 * its branches (`assessDAGPhase`), and its outbound nodes are its targets' outbound nodes.
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { assessDagPhase } from './dag-phase.js';
import type { Engine } from './engine.js';
import { executeTemplate } from './execute-template.js';
import { compileDependsLogic, type DependsProgram, dependsLogic, type TaskResults } from './expr/depends.js';
import { evaluateWhen, failurePhase, isUnsupported, substituteDeep } from './expressions.js';
import { runExitHook, runLifecycleHooks } from './hooks.js';
import { isLoop, iterations, type Loop, loopItems } from './loops.js';
import { Slots } from './parallelism.js';
import { holderFields, holderOf, resolveTaskReferences } from './references.js';
import { isFailedOrError, isFulfilled, isNodeFulfilled, type RunNode } from './run-state.js';
import {
  addAggregateToScope,
  addNodeToScope,
  addSkippedOutputsToScope,
  layerOver,
  type MutableScope,
  scopeOf,
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

/** A task's dependencies (in the order first named) and its `depends` logic with bare names expanded, compiled. */
interface ResolvedDepends {
  readonly dependencies: readonly string[];
  readonly logic: string;
  readonly evaluate: DependsProgram;
}

interface Dag {
  readonly tasks?: readonly DagTask[];
  readonly target?: string;
  readonly failFast?: boolean;
}

export function executeDag(e: Engine, a: Attempt): RunNode {
  const dag = (a.template.dag ?? {}) as Dag;
  const node = withInputs(e.state.create(nodeBase(a, 'DAG')), a.inputs);
  const tasks = new Map((dag.tasks ?? []).map((t) => [t.name, t]));
  const resolved = new Map<string, ResolvedDepends>();
  const dependsOf = (name: string): ResolvedDepends => {
    let r = resolved.get(name);
    if (!r) {
      const task = tasks.get(name);
      if (task) {
        const d = dependsLogic(task, (dep) => tasks.get(dep)?.continueOn);
        r = { dependencies: [...d.dependencies.keys()], logic: d.logic, evaluate: compileDependsLogic(d.logic) };
      } else r = { dependencies: [], logic: '', evaluate: compileDependsLogic('') };
      resolved.set(name, r);
    }
    return r;
  };
  // one string per task: node ids are looked up by name, and a string already hashed is found at once
  const nodeNames = new Map<string, string>();
  const taskNodeName = (task: string) => {
    let n = nodeNames.get(task);
    if (n === undefined) {
      n = `${a.nodeName}.${task}`;
      nodeNames.set(task, n);
    }
    return n;
  };
  const taskNode = (task: string) => e.state.byName(taskNodeName(task));
  const dependedOn = new Set([...tasks.keys()].flatMap((t) => dependsOf(t).dependencies));
  const target = dag.target ? substituteDeep(dag.target, a.scope) : undefined;
  const targets = target?.ok
    ? String(target.value).split(' ')
    : [...tasks.keys()].filter((t) => !dependedOn.has(t)).sort();
  const visited = new Set<string>();
  const notRunWithHooks: { task: DagTask; name: string; parent: RunNode }[] = [];
  const slots = new Slots(a.template.parallelism);

  /** `GetTaskAncestry`: every task this one depends on, directly or not. */
  const ancestorSets = new Map<string, Set<string>>();
  const ancestors = (name: string): Set<string> => {
    let set = ancestorSets.get(name);
    if (!set) {
      set = new Set();
      for (const d of dependsOf(name).dependencies) {
        set.add(d);
        for (const x of ancestors(d)) set.add(x);
      }
      ancestorSets.set(name, set);
    }
    return set;
  };
  /** Whether `anc` is among `ancestors(name)`, searched nearest first (a task mostly reads its direct dependencies). */
  const isAncestor = (name: string, anc: string): boolean => {
    const queue = [...dependsOf(name).dependencies];
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const d = queue[i] as string;
      if (d === anc) return true;
      for (const x of dependsOf(d).dependencies) {
        if (!seen.has(x)) {
          seen.add(x);
          queue.push(x);
        }
      }
    }
    return false;
  };

  /**
   * What one finished task adds to its descendants' scope (computed once: a finished node does not change), as a list
   * of entries: its names are its own (`tasks.<name>.…`), and an object keyed by them would cost hidden classes of
   * its own, which do not outlive a full GC (or a one-shot run).
   */
  const contributions = new Map<string, readonly (readonly [string, string | null])[]>();
  const contribution = (anc: string, n: RunNode): readonly (readonly [string, string | null])[] => {
    const cached = contributions.get(anc);
    if (cached) return cached;
    const c: MutableScope = Object.create(null);
    if (n.type === 'TaskGroup') {
      const iterationNodes = n.children.map((id) => e.state.get(id)).filter((x) => x.name.startsWith(`${n.name}(`));
      addAggregateToScope(c, 'tasks', anc, iterationNodes);
    }
    addNodeToScope(c, e.state, 'tasks', anc, n);
    const t = tasks.get(anc);
    if (t) {
      const r = resolveTemplate(holderOf(t), a.base, e.library);
      addSkippedOutputsToScope(c, 'tasks', anc, n, r.ok ? r.template : undefined);
    }
    const entries = Object.entries(c);
    if (isFulfilled(n.phase)) contributions.set(anc, entries);
    return entries;
  };

  /**
   * `buildLocalScopeFromTask`: the DAG's scope plus every ancestor's outputs. Only the ancestors the task's text
   * names are added (what else it holds no tag can read), unless an expression tag could reach any of them.
   */
  const referenced = new Map<string, Set<string> | 'all'>();
  const namedIn = (name: string): Set<string> | 'all' => {
    let r = referenced.get(name);
    if (!r) {
      const texts = stringsIn(tasks.get(name));
      if (texts.some((t) => t.includes('{{='))) r = 'all';
      else {
        r = new Set();
        for (const text of texts) {
          if (!text.includes('tasks.')) continue;
          for (const m of text.matchAll(TASK_REFERENCE)) r.add(m[1] as string);
        }
      }
      referenced.set(name, r);
    }
    return r;
  };
  /**
   * The DAG's scope and the workflow's globals, which every task's scope is a layer over: built once, and again only
   * when a global changed (a task's global output is seen by the tasks after it).
   */
  let base: MutableScope | undefined;
  let baseVersion = -1;
  const dagBase = (): MutableScope => {
    if (base === undefined || baseVersion !== e.globalsVersion) {
      base = scopeOf(a.scope, e.globals);
      baseVersion = e.globalsVersion;
    }
    return base;
  };
  const taskScope = (name: string): MutableScope => {
    const scope = layerOver(dagBase());
    const named = namedIn(name);
    // The scope is a map whose order nothing reads (expression environments sort their keys), so the named
    // ancestors are looked up directly rather than filtered out of the whole ancestry.
    const from = named === 'all' ? ancestors(name) : [...named].filter((anc) => isAncestor(name, anc));
    for (const anc of from) {
      const n = taskNode(anc);
      if (n) for (const [k, v] of contribution(anc, n)) scope[k] = v;
    }
    return scope;
  };

  const visit = (name: string): void => {
    if (visited.has(name)) return;
    visited.add(name);
    const task = tasks.get(name);
    if (!task) return;
    const { dependencies, logic, evaluate } = dependsOf(name);
    for (const dep of dependencies) visit(dep);
    let start = a.at;
    // keyed by the dependencies' names: a table, not an object shape per task
    const results: Record<string, TaskResults> = Object.create(null);
    for (const dep of dependencies) {
      const depNode = taskNode(dep);
      if (!depNode || !isNodeFulfilled(depNode) || !hooksFulfilled(e, depNode)) return;
      start = Math.max(start, e.state.doneAt(depNode));
      results[dep] = taskResults(e, depNode);
    }
    const nodeName = taskNodeName(name);
    let group: RunNode | undefined;
    const connect = (child: string) => {
      if (dependencies.length === 0 || group) {
        e.state.addChild(group ? group.name : a.nodeName, child);
        return;
      }
      for (const dep of dependencies) {
        const depNode = taskNode(dep);
        if (!depNode) continue;
        for (const out of e.state.outboundOf(depNode.id)) e.state.addChild(e.state.get(out).name, child);
      }
    };
    const skippedNode = (childName: string, phase: RunNode['phase'], message: string) => {
      connect(childName);
      const skipped = e.state.create({
        name: childName,
        type: 'Skipped',
        phase,
        at: start,
        boundaryID: node.id,
        ...holderFields(task),
        templateScope: `${a.base.scope}/${a.base.name}`,
        message,
      });
      if (childName === nodeName && isFulfilled(skipped.phase) && task.hooks !== undefined) {
        notRunWithHooks.push({ task, name, parent: skipped });
      }
    };
    if (logic !== '') {
      const go = evaluate(results);
      if (!go.ok) {
        skippedNode(nodeName, isUnsupported(go.reason) ? 'Undetermined' : 'Error', go.reason);
        return;
      }
      if (go.value === false) {
        skippedNode(nodeName, 'Omitted', 'omitted: depends condition not met');
        return;
      }
    }
    const scope = taskScope(name);
    const resolvedTask = resolveTaskReferences(task, scope);
    if (!resolvedTask.ok) {
      skippedNode(nodeName, failurePhase(resolvedTask.reason), resolvedTask.reason);
      return;
    }
    const t = resolvedTask.task;
    const expanded: { name: string; task: DagTask }[] = [];
    if (isLoop(t as Loop)) {
      const items = loopItems(t as Loop);
      if (!items.ok) {
        const whenNow = t.when ? evaluateWhen(String(t.when)) : { ok: true as const, value: true };
        if (!whenNow.ok || whenNow.value === true) {
          skippedNode(nodeName, 'Error', items.reason);
          return;
        }
      }
      const list = items.ok ? (items.value as unknown[]) : [];
      if (list.length === 0) {
        skippedNode(nodeName, 'Skipped', 'Skipped, empty params');
        return;
      }
      connect(nodeName);
      group = e.state.create({
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
      const childName = taskNodeName(x.name);
      if (typeof x.task.undetermined === 'string') {
        skippedNode(childName, 'Undetermined', x.task.undetermined);
        continue;
      }
      if (x.task.when !== undefined && x.task.when !== '') {
        const when = String(x.task.when);
        const go = evaluateWhen(when);
        if (!go.ok) {
          skippedNode(childName, isUnsupported(go.reason) ? 'Undetermined' : 'Error', go.reason);
          continue;
        }
        if (go.value === false) {
          skippedNode(childName, 'Skipped', `when '${when}' evaluated false`);
          continue;
        }
      }
      connect(childName);
      const childStart = slots.firstFree(start);
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
        slots.take(childStart, e.state.doneAt(child));
        continue;
      }
      const site = {
        task: x.task,
        ref: 'tasks' as const,
        name,
        scope: hasHooks(x.task) ? taskScope(name) : {},
        boundaryID: node.id,
        base: a.base,
        parent: child,
      };
      runExitHook(e, site);
      slots.take(childStart, e.state.doneAt(child));
      if (!group) runLifecycleHooks(e, site);
    }
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
        scope: hasHooks(task) ? taskScope(name) : {},
        boundaryID: node.id,
        base: a.base,
      });
    }
  };

  for (const target of targets) visit(target);
  // A skipped or omitted task's hooks are evaluated (with its final status) when the controller next looks at it:
  // a target's in the same pass, another's only if the DAG is still running afterwards.
  const lastDone = doneWithin(e, node, a.at);
  for (const h of notRunWithHooks) {
    if (!targets.includes(h.name) && (h.parent.finishedAt ?? h.parent.startedAt) >= lastDone) continue;
    const site = { task: h.task, ref: 'tasks' as const, name: h.name, boundaryID: node.id, base: a.base };
    runLifecycleHooks(e, { ...site, parent: h.parent, scope: taskScope(h.name) });
  }
  const phase = assessDagPhase(
    e.state,
    node,
    targets.map(taskNodeName),
    (target) => {
      const task = tasks.get(target.slice(a.nodeName.length + 1));
      return task?.continueOn;
    },
    dag.failFast !== false,
  );
  const end = doneWithin(e, node, a.at);
  node.outboundNodes = targets.flatMap((t) => {
    const n = taskNode(t);
    return n ? e.state.outboundOf(n.id) : [];
  });
  if (phase.phase !== 'Succeeded') return e.state.mark(node, phase.phase, end, phase.message);
  if (!declaresOutputParameters(a.template)) return e.state.mark(node, 'Succeeded', end);
  const scope = scopeOf(a.scope, e.globals);
  for (const [name, t] of tasks) {
    const n = taskNode(name);
    if (!n) continue;
    if (n.type === 'TaskGroup')
      addAggregateToScope(
        scope,
        'tasks',
        name,
        n.children.map((id) => e.state.get(id)),
      );
    addNodeToScope(scope, e.state, 'tasks', name, n);
    const r = resolveTemplate(holderOf(t), a.base, e.library);
    addSkippedOutputsToScope(scope, 'tasks', name, n, r.ok ? r.template : undefined);
  }
  const outputs = templateOutputs(e, a.template, scope);
  if (!outputs.ok) {
    if (outputs.phase === 'Error') node.executionError = outputs.reason;
    return e.state.mark(node, outputs.phase, end, outputs.reason);
  }
  if (outputs.value) node.outputs = outputs.value;
  return e.state.mark(node, 'Succeeded', end);
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
