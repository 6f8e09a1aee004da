/**
 * Steps templates, as the controller's `executeSteps`/`executeStepGroup` run them: groups run one after another as
 * `name[i]` nodes; the steps of a group run in parallel, each after its `when` (substituted, then govaluate; false:
 * Skipped) and its loop expansion. A group fails when a step failed or errored and does not `continueOn` it, and the
 * steps template then fails with the group's message. Each group's outputs are in scope for the groups after it.
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import type { Engine } from './engine.js';
import { executeTemplate } from './execute-template.js';
import { evaluateWhen, failurePhase, isUnsupported, substituteDeep } from './expressions.js';
import { runExitHook, runLifecycleHooks } from './hooks.js';
import { isLoop, iterations, type Loop, loopItems } from './loops.js';
import { Slots } from './parallelism.js';
import { holderFields, holderOf, resolveTaskReferences } from './references.js';
import { isFailedOrError, isFulfilled, isNodeFulfilled, type RunNode } from './run-state.js';
import { addAggregateToScope, addNodeToScope, addSkippedOutputsToScope, type MutableScope, scopeOf } from './scope.js';
import { templateOutputs } from './template-outputs.js';
import { resolveTemplate } from './templates.js';

interface Step {
  readonly name: string;
  readonly when?: string;
  readonly continueOn?: { readonly failed?: boolean; readonly error?: boolean };
  readonly [key: string]: unknown;
}

type StepGroup = readonly Step[] | { readonly steps?: readonly Step[] };

function stepsOf(group: StepGroup): readonly Step[] {
  return Array.isArray(group) ? group : ((group as { steps?: readonly Step[] }).steps ?? []);
}

export function executeSteps(e: Engine, a: Attempt): RunNode {
  const node = withInputs(e.state.create(nodeBase(a, 'Steps')), a.inputs);
  const groups = (a.template.steps ?? []) as readonly StepGroup[];
  const scope = scopeOf(attemptScope(a));
  const templateScope = `${a.base.scope}/${a.base.name}`;
  let at = a.at;
  let lastGroup: RunNode | undefined;
  for (const [i, group] of groups.entries()) {
    const sgName = `${a.nodeName}[${i}]`;
    const sg = e.state.create({
      name: sgName,
      type: 'StepGroup',
      phase: 'Running',
      at,
      boundaryID: node.id,
      templateScope,
      nodeFlag: {},
    });
    if (!lastGroup) e.state.addChild(a.nodeName, sgName);
    else if (lastGroup.children.length === 0) e.state.addChild(lastGroup.name, sgName);
    else {
      for (const child of lastGroup.children) {
        for (const out of e.state.outboundOf(child)) e.state.addChild(e.state.get(out).name, sgName);
      }
    }
    lastGroup = sg;
    const done = executeStepGroup(e, a, node, sg, stepsOf(group), scopeOf(scope, e.globals), at);
    if (!isFulfilled(sg.phase)) {
      node.outboundNodes = outboundOfGroup(e, sg);
      return e.state.mark(node, sg.phase, at, sg.message);
    }
    at = done;
    if (isFailedOrError(sg.phase)) {
      node.outboundNodes = outboundOfGroup(e, sg);
      return e.state.mark(node, 'Failed', at, sg.message);
    }
    for (const step of stepsOf(group)) {
      const childName = `${sgName}.${step.name}`;
      const child = e.state.byName(childName);
      if (!child) {
        const iterationNodes = e.state
          .boundedBy(node.id)
          .filter((n) => n.name.startsWith(`${childName}(`) && n.type !== 'Skipped');
        addAggregateToScope(scope, 'steps', step.name, iterationNodes);
        addNodeToScope(scope, e.state, 'steps', step.name, sg);
      } else {
        addNodeToScope(scope, e.state, 'steps', step.name, child);
        const r = resolveTemplate(holderOf(step), a.base, e.library);
        addSkippedOutputsToScope(scope, 'steps', step.name, child, r.ok ? r.template : undefined);
      }
    }
  }
  node.outboundNodes = lastGroup ? outboundOfGroup(e, lastGroup) : [];
  const outputs = templateOutputs(e, a.template, scopeOf(scope, e.globals));
  if (!outputs.ok) {
    if (outputs.phase === 'Error') node.executionError = outputs.reason;
    return e.state.mark(node, outputs.phase, at, outputs.reason);
  }
  if (outputs.value) node.outputs = outputs.value;
  return e.state.mark(node, 'Succeeded', at);
}

function outboundOfGroup(e: Engine, sg: RunNode): string[] {
  return sg.children.flatMap((c) => e.state.outboundOf(c));
}

/** Runs one group; returns when it is done (its steps, their hooks and exit handlers). */
function executeStepGroup(
  e: Engine,
  a: Attempt,
  steps: RunNode,
  sg: RunNode,
  group: readonly Step[],
  scope: MutableScope,
  at: number,
): number {
  const templateScope = `${a.base.scope}/${a.base.name}`;
  const skipped = (name: string, phase: RunNode['phase'], message: string, step: Step) => {
    e.state.create({
      name,
      type: 'Skipped',
      phase,
      at,
      boundaryID: steps.id,
      ...holderFields(step),
      templateScope,
      message,
      nodeFlag: {},
    });
    e.state.addChild(sg.name, name);
  };
  const slots = new Slots(a.template.parallelism);
  const expanded: { step: Step; name: string; original: Step }[] = [];
  for (const step of group) {
    const resolved = resolveTaskReferences(step, scope);
    if (!resolved.ok) {
      skipped(`${sg.name}.${step.name}`, failurePhase(resolved.reason), resolved.reason, step);
      continue;
    }
    const s = resolved.task;
    if (!isLoop(s as Loop)) {
      expanded.push({ step: s, name: s.name, original: step });
      continue;
    }
    const items = loopItems(s as Loop);
    if (!items.ok) {
      const whenNow = s.when ? evaluateWhen(String(s.when)) : { ok: true as const, value: true };
      if (!whenNow.ok || whenNow.value === true) {
        e.state.mark(sg, 'Error', at, items.reason);
        return at;
      }
    }
    const list = items.ok ? (items.value as unknown[]) : [];
    if (list.length === 0) skipped(`${sg.name}.${step.name}`, 'Skipped', 'Skipped, empty params', step);
    const { withItems: _i, withParam: _p, withSequence: _s, ...body } = s;
    for (const it of iterations(s.name, list)) {
      const sub = substituteDeep(body, scopeOf(scope, it.names));
      if (!sub.ok) skipped(`${sg.name}.${it.name}`, 'Undetermined', sub.reason, step);
      else
        expanded.push({
          step: { ...(sub.value as Step), name: it.name },
          name: it.name,
          original: step,
        });
    }
  }
  for (const x of expanded) {
    const childName = `${sg.name}.${x.name}`;
    if (x.step.when !== undefined && x.step.when !== '') {
      const go = evaluateWhen(String(x.step.when));
      if (!go.ok) {
        // Argo errors the step and its group on a `when` it cannot evaluate; the simulation's own limit is undetermined
        if (isUnsupported(go.reason)) {
          skipped(childName, 'Undetermined', go.reason, x.step);
          continue;
        }
        skipped(childName, 'Error', go.reason, x.step);
        e.state.mark(sg, 'Error', at, go.reason);
        return at;
      }
      if (go.value === false) {
        skipped(childName, 'Skipped', `when '${x.step.when}' evaluated false`, x.step);
        continue;
      }
    }
    const childStart = slots.firstFree(at);
    const child = executeTemplate(e, {
      nodeName: childName,
      holder: holderOf(x.step),
      base: a.base,
      args: x.step.arguments as Record<string, unknown> | undefined,
      boundaryID: steps.id,
      at: childStart,
      // executeTemplate's local names; `item` is not one: it was substituted into the step as it expanded
      local: { 'steps.name': x.name },
    });
    e.state.addChild(sg.name, childName);
    if (child.executionError !== undefined) {
      // executeStepGroup: the group errors at once and its remaining steps are never started
      const end = e.state.doneAt(child);
      e.state.mark(
        sg,
        'Error',
        end,
        `step group deemed errored due to child ${childName} error: ${child.executionError}`,
      );
      return end;
    }
    const site = { task: x.step, ref: 'steps' as const, name: x.name, scope, boundaryID: steps.id, base: a.base };
    runLifecycleHooks(e, { ...site, parent: child });
    runExitHook(e, { ...site, parent: child });
    slots.take(childStart, e.state.doneAt(child));
  }
  const children = sg.children.map((id) => e.state.get(id));
  const done = Math.max(at, ...children.map((c) => e.state.doneAt(c)));
  const open = children.filter(
    (c) =>
      !isNodeFulfilled(c) ||
      !c.children.every((h) => !e.state.get(h).nodeFlag?.hooked || isFulfilled(e.state.get(h).phase)),
  );
  if (open.length > 0) {
    const undetermined = [...e.state.nodes.values()].find(
      (n) => n.phase === 'Undetermined' && open.some((o) => n.name.startsWith(o.name)),
    );
    if (undetermined) e.state.mark(sg, 'Undetermined', done, `${undetermined.name} is undetermined`);
    return done;
  }
  const byName = new Map(expanded.map((x) => [`${sg.name}.${x.name}`, x.step]));
  for (const child of children) {
    const step = byName.get(child.name);
    const continueOn = step?.continueOn;
    const continues =
      (child.phase === 'Failed' && continueOn?.failed) || (child.phase === 'Error' && continueOn?.error);
    if (isFailedOrError(child.phase) && !continues) {
      return e.state.mark(sg, 'Failed', done, `child '${child.id}' failed`).finishedAt ?? done;
    }
  }
  e.state.mark(sg, 'Succeeded', done);
  return done;
}
