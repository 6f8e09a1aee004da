/**
 * `simulate`: runs a workflow through the controller's scheduling semantics (see docs/simulate.md) and returns its
 * nodes shaped like `status.nodes`, the order they started in, and the workflow's phase and message as the controller
 * would set them after the entrypoint and the exit handler.
 */
import type { NodeNamesOf } from '@argo-gen/dsl';
import { ArgoGenError, isStackOverflow, issue } from '@argo-gen/model';
import { timestamp } from './clock.js';
import { type Doc, libraryOf, toDocument, workflowSpecOf } from './document.js';
import { type Engine, setGlobal } from './engine.js';
import { executeTemplate } from './execute-template.js';
import { exitHookOf, type Hook, holderOfHook, hookFiring, markUndeterminedHook } from './hooks.js';
import { podName } from './node-id.js';
import { checkNodeNames, declaredNames, nodeNames, recordDeclaredNames } from './node-names.js';
import { Slots } from './parallelism.js';
import { isFailedOrError, isFulfilled, type RunNode, RunState } from './run-state.js';
import type { Template, TemplateBase } from './templates.js';
import type { SimulatedNode, SimulateOptions, Simulation, WorkflowPhase } from './types.js';
import { entryArguments, workflowGlobals } from './workflow-globals.js';

/**
 * Simulates `workflow` (a DSL Workflow, WorkflowTemplate or CronWorkflow, or a decoded YAML document of one) with the
 * leaf outcomes in `options` (every leaf without one succeeds with its declared defaults). Throws an `ArgoGenError`
 * for input that is not a workflow; everything the simulation cannot decide is in the result's `undetermined`.
 */
export function simulate<W>(workflow: W, options?: SimulateOptions<NodeNamesOf<W>>): Simulation<NodeNamesOf<W>>;
export function simulate(workflow: unknown, options: SimulateOptions = {}): Simulation {
  try {
    return simulateWorkflow(workflow, options);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    // Its readers (expressions, depends) recurse once per level of nesting: say so instead of a RangeError.
    throw new ArgoGenError([issue('simulate-input', '', 'nested too deeply to simulate (the call stack ran out)')]);
  }
}

function simulateWorkflow(workflow: unknown, options: SimulateOptions): Simulation {
  const doc = toDocument(workflow, 'the workflow');
  const templateDocs = (options.templates ?? []).map((t, i) => toDocument(t, `options.templates[${i}]`));
  const library = libraryOf([
    ...templateDocs,
    ...(doc.kind === 'WorkflowTemplate' || doc.kind === 'ClusterWorkflowTemplate' ? [doc] : []),
  ]);
  const specResult = workflowSpecOf(doc, library);
  if (!specResult.ok) throw new ArgoGenError([issue('simulate-input', '/spec', specResult.reason)]);
  const spec = specResult.spec;
  const name = options.workflowName ?? workflowNameOf(doc);
  const parameters = options.parameters ?? {};
  const state = new RunState(name);
  const e: Engine = {
    state,
    library,
    // as `outcomeFor` looks rules up (Object.hasOwn: non-enumerable keys too)
    outcomes:
      options.outcomes && Object.getOwnPropertyNames(options.outcomes).length > 0 ? options.outcomes : undefined,
    globals: workflowGlobals(doc, spec, name, parameters),
    globalsVersion: 0,
    globalOutputs: new Map(),
    defaultRetryStrategy: spec.retryStrategy as Readonly<Record<string, unknown>> | undefined,
    templateDefaults: spec.templateDefaults as Readonly<Record<string, unknown>> | undefined,
    deadline: typeof spec.activeDeadlineSeconds === 'number' ? spec.activeDeadlineSeconds : undefined,
    pods: new Slots(spec.parallelism),
  };
  const base: TemplateBase = { scope: 'local', name, templates: (spec.templates ?? []) as Template[] };
  const entrypoint = options.entrypoint ?? (spec.entrypoint as string | undefined);
  if (!entrypoint)
    throw new ArgoGenError([
      issue(
        'simulate-input',
        '/spec/entrypoint',
        'the workflow has no entrypoint (set spec.entrypoint or options.entrypoint)',
      ),
    ]);
  const declared = declaredNames(name, spec, base, library, entrypoint);
  checkNodeNames(Object.keys(e.outcomes ?? {}), nodeNames(declared, []), 'outcomes');
  const args = entryArguments(spec, parameters);
  const entry = executeTemplate(e, {
    nodeName: name,
    holder: { template: entrypoint },
    base,
    args,
    boundaryID: undefined,
    at: 0,
  });
  // a daemon that is the entrypoint itself is killed when the workflow completes (markWorkflowPhase)
  state.killDaemons(undefined);

  const workflowStatus = statusOf(entry);
  if (isFulfilled(entry.phase)) {
    setGlobal(e, 'workflow.status', workflowStatus);
    setGlobal(e, 'workflow.failures', failures(state));
  }
  runWorkflowHooks(e, spec, base, entry);
  if (entry.executionError !== undefined) {
    // operate(): an error from the entry template errors the workflow at once; the exit handler does not run
    return recordDeclaredNames(
      freeze(state, 'Error', `error in entry template execution: ${entry.executionError}`, e.globalOutputs),
      declared,
    );
  }
  let exitNode: RunNode | undefined;
  const exitHook: Hook | undefined = exitHookOf(spec);
  if (exitHook && isFulfilled(entry.phase)) {
    exitNode = executeTemplate(e, {
      nodeName: `${name}.onExit`,
      holder: holderOfHook(exitHook),
      base,
      args: (exitHook.arguments as Record<string, unknown> | undefined) ?? args,
      boundaryID: undefined,
      at: state.doneAt(entry),
      nodeFlag: { hooked: true },
    });
  }
  const { phase, message } = finalPhase(state, entry, exitNode, workflowStatus);
  return recordDeclaredNames(freeze(state, phase, message, e.globalOutputs), declared);
}

function workflowNameOf(doc: Doc): string {
  const m = doc.metadata ?? {};
  return m.name ?? `${m.generateName ?? 'workflow-'}sim`;
}

/** The workflow's status from the entrypoint's phase: skipped and omitted count as succeeded. */
function statusOf(entry: RunNode): WorkflowPhase {
  switch (entry.phase) {
    case 'Failed':
      return 'Failed';
    case 'Error':
      return 'Error';
    case 'Succeeded':
    case 'Skipped':
    case 'Omitted':
      return 'Succeeded';
    case 'Undetermined':
      return 'Undetermined';
    default:
      return 'Running';
  }
}

/** `workflow.failures`: the failed and errored nodes, as JSON. */
function failures(state: RunState): string {
  const list = orderOf(state)
    .map((id) => state.get(id))
    .filter((n) => isFailedOrError(n.phase))
    .map((n) => ({
      displayName: n.displayName,
      message: n.message ?? '',
      templateName: n.templateName ?? n.templateRef?.template ?? '',
      phase: n.phase,
      podName: podName(state.workflowName, n.name, n.templateName ?? n.templateRef?.template),
      finishedAt: n.finishedAt !== undefined ? timestamp(n.finishedAt) : null,
    }));
  return JSON.stringify(list);
}

/** Workflow-level lifecycle hooks (`spec.hooks` but `exit`): run the first time their expression holds. */
function runWorkflowHooks(
  e: Engine,
  spec: Readonly<Record<string, unknown>>,
  base: TemplateBase,
  entry: RunNode,
): void {
  const hooks = (spec.hooks ?? {}) as Readonly<Record<string, Hook>>;
  for (const hookName of Object.keys(hooks).sort()) {
    if (hookName === 'exit') continue;
    const hook = hooks[hookName] as Hook;
    const moments: [string, number][] = [['Running', 0]];
    if (isFulfilled(entry.phase)) moments.push([String(e.globals['workflow.status']), e.state.doneAt(entry)]);
    const firing = hookFiring(hook, moments, (status) => ({ ...e.globals, 'workflow.status': status }));
    if (!firing) continue;
    const nodeName = `${e.state.workflowName}.hooks.${hookName}`;
    if ('reason' in firing) {
      markUndeterminedHook(e, hook, { name: nodeName, parent: e.state.workflowName, boundaryID: undefined }, firing);
      continue;
    }
    executeTemplate(e, {
      nodeName,
      holder: holderOfHook(hook),
      base,
      args: hook.arguments as Record<string, unknown> | undefined,
      boundaryID: undefined,
      at: firing.at,
      nodeFlag: { hooked: true },
    });
    e.state.addChild(e.state.workflowName, nodeName);
  }
}

function finalPhase(
  state: RunState,
  entry: RunNode,
  exitNode: RunNode | undefined,
  status: WorkflowPhase,
): { phase: WorkflowPhase; message?: string } {
  const undetermined = state.undetermined[0];
  if (undetermined)
    return { phase: 'Undetermined', message: `${state.get(undetermined.node).name}: ${undetermined.reason}` };
  if (!isFulfilled(entry.phase) || (exitNode && !isFulfilled(exitNode.phase))) return { phase: 'Running' };
  const withMessage = (phase: WorkflowPhase, message: string | undefined) => (message ? { phase, message } : { phase });
  if (status === 'Succeeded' && exitNode && isFailedOrError(exitNode.phase)) {
    return withMessage(exitNode.phase === 'Failed' ? 'Failed' : 'Error', exitNode.message);
  }
  if (status === 'Failed' || status === 'Error') return withMessage(status, entry.message);
  return { phase: status };
}

function orderOf(state: RunState): string[] {
  return [...state.nodes.values()].sort((a, b) => a.startedAt - b.startedAt || a.seq - b.seq).map((n) => n.id);
}

function freeze(
  state: RunState,
  phase: WorkflowPhase,
  message: string | undefined,
  globalOutputs: Map<string, string>,
): Simulation {
  const nodes: Record<string, SimulatedNode> = {};
  for (const n of state.nodes.values()) {
    // assigned in the order the fields are listed (a node's JSON reads in that order), absent ones left out
    const node: Record<string, unknown> = {
      id: n.id,
      name: n.name,
      displayName: n.displayName,
      type: n.type,
      phase: n.phase,
    };
    if (n.templateName !== undefined) node.templateName = n.templateName;
    if (n.templateRef !== undefined) node.templateRef = Object.freeze({ ...n.templateRef });
    if (n.templateScope !== undefined) node.templateScope = n.templateScope;
    if (n.message !== undefined && n.message !== '') node.message = n.message;
    if (n.boundaryID !== undefined) node.boundaryID = n.boundaryID;
    if (n.children.length > 0) node.children = Object.freeze([...n.children]);
    if (n.outboundNodes && n.outboundNodes.length > 0) node.outboundNodes = Object.freeze([...n.outboundNodes]);
    if (n.inputs) node.inputs = deepFreeze(n.inputs);
    if (n.outputs) node.outputs = deepFreeze(n.outputs);
    node.startedAt = timestamp(n.startedAt);
    if (n.finishedAt !== undefined) node.finishedAt = timestamp(n.finishedAt);
    if (n.nodeFlag && Object.keys(n.nodeFlag).length > 0) node.nodeFlag = Object.freeze({ ...n.nodeFlag });
    if (n.daemoned) node.daemoned = true;
    if (n.podIP !== undefined) node.podIP = n.podIP;
    // frozen field by field: a deep walk of every node, its strings and numbers included, was ~5 % of a large run
    nodes[n.id] = Object.freeze(node) as unknown as SimulatedNode;
  }
  const outputs =
    globalOutputs.size > 0 ? { parameters: [...globalOutputs].map(([name, value]) => ({ name, value })) } : undefined;
  return Object.freeze({
    phase,
    ...(message !== undefined ? { message } : {}),
    nodes: Object.freeze(nodes),
    order: Object.freeze(orderOf(state)),
    ...(outputs ? { outputs: deepFreeze(outputs) } : {}),
    undetermined: deepFreeze(state.undetermined.map((u) => ({ ...u }))),
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
