/**
 * Leaves: containers, scripts, container sets, resources, data, HTTP and plugin templates. Each ends as its outcome
 * says (by default a container or script succeeds, exit code 0, with its declared output defaults). A resource,
 * data, HTTP or plugin template talks to something the simulation has not, so without an outcome it is Undetermined.
 * A daemon (`daemon: true`) whose outcome is success does not end: it is ready after its duration and runs, daemoned,
 * until the steps or DAG template that holds it ends; a failing one fails before it is ready, as any pod.
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import { DEFAULT_LEAF_SECONDS, parseDuration } from './clock.js';
import type { Engine } from './engine.js';
import { asString, substituteDeep } from './expressions.js';
import { publishGlobalOutputs } from './global-outputs.js';
import { fnv32a } from './node-id.js';
import { nodeOutcome } from './outcomes.js';
import type { NodeOutputs, NodeType, Parameter, RunNode } from './run-state.js';
import { type TemplateType, templateType } from './templates.js';
import type { LeafOutcome, Outcome } from './types.js';

const NODE_TYPE: Partial<Record<TemplateType, NodeType>> = { http: 'HTTP', plugin: 'Plugin' };

const NEEDS_OUTCOME: Partial<Record<TemplateType, string>> = {
  resource: 'a resource template acts on the cluster',
  data: 'a data template reads artifacts',
  http: 'an HTTP template calls a server',
  plugin: 'a plugin template runs an executor plugin',
};

interface DeclaredOutput {
  readonly name: string;
  readonly value?: unknown;
  readonly globalName?: string;
  readonly valueFrom?: { readonly default?: unknown };
}

export function executeLeaf(e: Engine, ready: Attempt): RunNode {
  // the workflow's parallelism: a pod waits for a free slot among the workflow's running pods
  const isPod = !NODE_TYPE[templateType(ready.template)];
  const a = isPod ? { ...ready, at: e.pods.firstFree(ready.at) } : ready;
  const node = executeLeafAt(e, a);
  if (isPod) e.pods.take(a.at, node.finishedAt ?? a.at);
  return node;
}

function executeLeafAt(e: Engine, a: Attempt): RunNode {
  const kind = templateType(a.template);
  const type = NODE_TYPE[kind] ?? 'Pod';
  // the display name is read only by outcome rules and by the message below (most runs give no rules)
  const outcome = e.outcomes ? nodeOutcome(e, a, displayNameOf(e, a)) : undefined;
  const node = withInputs(e.state.create(nodeBase(a, type)), a.inputs);
  const why = NEEDS_OUTCOME[kind];
  if (outcome === undefined && why) {
    return e.state.mark(node, 'Undetermined', a.at, `${why}; give node '${displayNameOf(e, a)}' an outcome`);
  }
  const given = leafOutcome(outcome);
  if (!given.ok) return e.state.mark(node, 'Undetermined', a.at, given.reason);
  const o = given.value;
  let phase = o.phase ?? 'Succeeded';
  let message = o.message;
  let duration = o.durationSeconds ?? DEFAULT_LEAF_SECONDS;
  if (e.deadline !== undefined && a.at >= e.deadline) {
    return e.state.mark(node, 'Failed', a.at, 'Step exceeded its deadline');
  }
  const deadline = podDeadline(e, a);
  if (deadline !== undefined && duration > deadline) {
    phase = 'Failed';
    message = 'Pod was active on the node longer than the specified deadline';
    duration = deadline;
  }
  if (phase === 'Succeeded' && a.template.daemon === true) {
    // a daemon that runs: ready after its duration, no outputs (its pod has not ended), killed with its template
    return e.state.markDaemoned(node, a.at + duration, daemonIp(a.nodeName));
  }
  const outputs = leafOutputs(a, o, phase);
  if (outputs.missing) {
    phase = 'Error';
    message = `failed to save outputs: artifact ${outputs.missing} was not produced`;
  }
  if (phase !== 'Succeeded' && message === undefined && outputs.value.exitCode !== undefined) {
    message = `Error (exit code ${outputs.value.exitCode})`;
  }
  if (Object.keys(outputs.value).length > 0) node.outputs = outputs.value;
  publishGlobalOutputs(e, outputs.value.parameters ?? []);
  e.state.mark(node, phase, a.at + duration, message);
  if (kind === 'containerSet') addContainerNodes(e, a, node);
  return node;
}

/**
 * A daemon's pod IP, which the simulation cannot know: an address of TEST-NET-1 (RFC 5737, reserved for
 * documentation), the same for the same node name on every run.
 */
function daemonIp(nodeName: string): string {
  return `192.0.2.${(fnv32a(nodeName) % 254) + 1}`;
}

interface SetContainer {
  readonly name: string;
  readonly dependencies?: readonly string[];
}

/**
 * `executeContainerSet`: one Container node per container (`<pod>.<container>`, bounded by the pod), hung from the
 * pod or from the containers it depends on. Each ends with the pod's phase (which container failed is not known).
 */
function addContainerNodes(e: Engine, a: Attempt, pod: RunNode): void {
  const containers = (((a.template.containerSet ?? {}) as { containers?: SetContainer[] }).containers ??
    []) as SetContainer[];
  for (const c of containers) {
    const child = e.state.create({
      ...nodeBase(a, 'Container'),
      name: `${a.nodeName}.${c.name}`,
      boundaryID: pod.id,
    });
    e.state.mark(child, pod.phase, pod.finishedAt ?? a.at);
  }
  for (const c of containers) {
    const name = `${a.nodeName}.${c.name}`;
    const deps = c.dependencies ?? [];
    if (deps.length === 0) e.state.addChild(a.nodeName, name);
    for (const d of deps) e.state.addChild(`${a.nodeName}.${d}`, name);
  }
}

/**
 * The pod's `activeDeadlineSeconds`: the template's, its `timeout` (which the controller enforces the same way), and
 * what is left of the workflow's `activeDeadlineSeconds`, whichever is first.
 */
function podDeadline(e: Engine, a: Attempt): number | undefined {
  if (a.template.activeDeadlineSeconds === undefined && a.template.timeout === undefined && e.deadline === undefined)
    return undefined;
  const limits = [
    ownDuration(a, a.template.activeDeadlineSeconds),
    ownDuration(a, a.template.timeout),
    e.deadline !== undefined ? e.deadline - a.at : undefined,
  ].filter((x): x is number => x !== undefined);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

/** A duration of the template's own, substituted (the scope is read only when there is one). */
function ownDuration(a: Attempt, value: unknown): number | undefined {
  return value === undefined ? undefined : parseDuration(substituted(value, attemptScope(a)));
}

function displayNameOf(e: Engine, a: Attempt): string {
  const boundary = a.boundaryID ? e.state.nodes.get(a.boundaryID) : undefined;
  if (!boundary || !a.nodeName.startsWith(boundary.name)) return a.nodeName;
  return a.nodeName.slice(boundary.name.length).replace(/^(\[\d+\])?\./, '');
}

type Given = { ok: true; value: Exclude<LeafOutcome, string> } | { ok: false; reason: string };

function leafOutcome(outcome: Outcome | undefined): Given {
  if (outcome === undefined) return { ok: true, value: {} };
  if (outcome === 'Succeeded' || outcome === 'Failed' || outcome === 'Error')
    return { ok: true, value: { phase: outcome } };
  if (typeof outcome === 'string')
    return { ok: false, reason: `outcome '${outcome}' is for suspend nodes, not for a leaf` };
  return { ok: true, value: outcome };
}

function declaredOutputs(a: Attempt): DeclaredOutput[] {
  return (((a.template.outputs ?? {}) as { parameters?: DeclaredOutput[] }).parameters ?? []) as DeclaredOutput[];
}

function substituted(value: unknown, scope: Readonly<Record<string, string | null>>): unknown {
  const r = substituteDeep(value, scope);
  return r.ok ? r.value : value;
}

/**
 * The node's outputs: exit code (0 on success, 1 on failure unless given), the declared output parameters (given,
 * else `valueFrom.default`, else `value`, else "") when the node succeeded or they were given, the result when given,
 * and the declared artifacts present unless the outcome says they are missing.
 */
function leafOutputs(
  a: Attempt,
  o: Exclude<LeafOutcome, string>,
  phase: string,
): { value: NodeOutputs; missing?: string } {
  const out: NodeOutputs = {};
  const declared = declaredOutputs(a);
  const kind = templateType(a.template);
  const parameters: Parameter[] = [];
  for (const p of declared) {
    const given = o.parameters?.[p.name];
    if (given === undefined && phase !== 'Succeeded') continue;
    const value =
      given ??
      (p.valueFrom?.default !== undefined
        ? asString(substituted(p.valueFrom.default, attemptScope(a)))
        : p.value !== undefined
          ? asString(substituted(p.value, attemptScope(a)))
          : '');
    parameters.push({ name: p.name, value, ...(p.globalName ? { globalName: p.globalName } : {}) });
  }
  if (parameters.length > 0) out.parameters = parameters;
  let missing: string | undefined;
  const artifacts =
    ((a.template.outputs ?? {}) as { artifacts?: { name: string; optional?: boolean }[] }).artifacts ?? [];
  const present = artifacts.filter((art) => o.artifacts?.[art.name] !== false);
  if (phase === 'Succeeded') {
    missing = artifacts.find((art) => o.artifacts?.[art.name] === false && !art.optional)?.name;
    if (present.length > 0) out.artifacts = present.map((art) => ({ name: art.name }));
  }
  if (o.result !== undefined) out.result = o.result;
  if (kind === 'container' || kind === 'script' || kind === 'containerSet') {
    const code = o.exitCode ?? (phase === 'Succeeded' ? 0 : phase === 'Failed' ? 1 : undefined);
    if (code !== undefined) out.exitCode = String(code);
  }
  return missing !== undefined ? { value: out, missing } : { value: out };
}
