/**
 * The names a task or step sees (`tasks.<name>.outputs.parameters.x`, `steps.<name>.status`, aggregated loop
 * outputs), built from finished nodes as the controller's `buildLocalScope`, `processAggregateNodeOutputs` and
 * `addSkippedNodeOutputsToScope` do. A skipped or omitted node's output without a default is `null`: an absent
 * optional, which `??` can replace and a plain reference cannot use.
 */
import { timestamp } from './clock.js';
import { namesOf } from './expr/names.js';
import type { RunNode, RunState } from './run-state.js';
import type { Template } from './templates.js';

/** Names to their text; `null` is an absent optional. (Artifacts are not text and are not simulated.) */
export type MutableScope = Record<string, string | null>;

/**
 * A new scope with the names of `layers` (each a table of names, or a layer over one: see ./expr/names.ts), a later
 * layer's value winning. Assigned, not spread: a spread copy takes its source's exact shape, and each name added to it
 * afterwards (inputs, ancestors' outputs) then cost a new one, several times what the whole copy does by assignment.
 */
export function scopeOf(...layers: readonly Readonly<Record<string, string | null>>[]): MutableScope {
  // without a prototype: a scope is a table of names (most of them used once), and nothing is inherited
  const scope: MutableScope = Object.create(null);
  for (const layer of layers) {
    const proto = Object.getPrototypeOf(layer);
    if (proto === null || proto === Object.prototype) Object.assign(scope, layer);
    else for (const name of namesOf(layer)) scope[name] = layer[name] as string | null;
  }
  return scope;
}

/**
 * A scope that reads `base` (a table of names, or a layer over one) under its own names, `entries` and what is added
 * later: what a DAG's tasks see over their DAG's names, without copying those for each task.
 */
export function layerOver(
  base: Readonly<MutableScope>,
  ...entries: readonly Readonly<Record<string, string | null>>[]
): MutableScope {
  // Not `Object.create(base)`: that object keeps fast properties, and each task's own names (unique to it) would
  // then cost new hidden classes; a prototype-less object is a dictionary from the start, as a scope is.
  return Object.assign(Object.setPrototypeOf(Object.create(null), base), ...entries);
}

/** The node whose outputs a reference means: a retry node's last attempt. */
function lastAttempt(state: RunState, node: RunNode): RunNode {
  if (node.type !== 'Retry') return node;
  const attempts = node.children.map((id) => state.get(id)).filter((c) => !c.nodeFlag?.hooked);
  return attempts[attempts.length - 1] ?? node;
}

/**
 * Names and their values, in the order they are set (a later one of the same name wins): what a finished node adds to
 * the scope of those after it, built once and copied into each. A list, not a table: a prototype-less table of a
 * node's own names is a dictionary, and reading one back (`Object.entries`) cost more than building it.
 */
export type ScopeEntries = [string, string | null][];

/** Copies `entries` into `scope`, in order. */
export function addEntries(scope: MutableScope, entries: ScopeEntries): void {
  for (const [name, value] of entries) scope[name] = value;
}

/** `buildLocalScope`: `<prefix>.<name>.id/startedAt/finishedAt/status`, a daemon's `ip`, and its outputs. */
export function addNodeToScope(
  scope: MutableScope,
  state: RunState,
  prefix: string,
  name: string,
  node: RunNode,
): void {
  addEntries(scope, nodeEntries(state, prefix, name, node));
}

/** The names `addNodeToScope` sets, appended to `out`. */
export function nodeEntries(
  state: RunState,
  prefix: string,
  name: string,
  node: RunNode,
  out: ScopeEntries = [],
): ScopeEntries {
  const n = lastAttempt(state, node);
  const key = `${prefix}.${name}`;
  out.push([`${key}.id`, n.id], [`${key}.startedAt`, timestamp(n.startedAt)]);
  if (n.finishedAt !== undefined) out.push([`${key}.finishedAt`, timestamp(n.finishedAt)]);
  out.push([`${key}.status`, n.phase]);
  if (n.podIP !== undefined) out.push([`${key}.ip`, n.podIP]);
  const outputs = n.outputs;
  if (!outputs) return out;
  if (outputs.result !== undefined) out.push([`${key}.outputs.result`, outputs.result]);
  if (outputs.exitCode !== undefined) out.push([`${key}.exitCode`, outputs.exitCode]);
  for (const p of outputs.parameters ?? []) {
    if (p.value !== undefined) out.push([`${key}.outputs.parameters.${p.name}`, p.value]);
  }
  return out;
}

/** `addSkippedNodeOutputsToScope`: a skipped/omitted node's declared outputs, its defaults or absent optionals. */
export function addSkippedOutputsToScope(
  scope: MutableScope,
  prefix: string,
  name: string,
  node: RunNode,
  template: Template | undefined,
): void {
  addEntries(scope, skippedOutputEntries(prefix, name, node, template));
}

/** Whether a node's declared outputs stand in for its own: it was skipped or omitted, and produced none. */
export function hasSkippedOutputs(node: RunNode): boolean {
  return !node.outputs && (node.phase === 'Skipped' || node.phase === 'Omitted');
}

/** The names `addSkippedOutputsToScope` sets, appended to `out`. */
export function skippedOutputEntries(
  prefix: string,
  name: string,
  node: RunNode,
  template: Template | undefined,
  out: ScopeEntries = [],
): ScopeEntries {
  if (!hasSkippedOutputs(node) || !template) return out;
  const outputs = (template.outputs ?? {}) as {
    parameters?: { name: string; valueFrom?: { default?: unknown } }[];
    result?: unknown;
  };
  for (const p of outputs.parameters ?? []) {
    const dflt = p.valueFrom?.default;
    out.push([`${prefix}.${name}.outputs.parameters.${p.name}`, dflt !== undefined ? String(dflt) : null]);
  }
  return out;
}

/** `processAggregateNodeOutputs`: a loop's succeeded iterations' outputs as JSON lists, in loop-index order. */
export function addAggregateToScope(
  scope: MutableScope,
  prefix: string,
  name: string,
  iterations: readonly RunNode[],
): void {
  addEntries(scope, aggregateEntries(prefix, name, iterations));
}

/** The names `addAggregateToScope` sets, appended to `out`. */
export function aggregateEntries(
  prefix: string,
  name: string,
  iterations: readonly RunNode[],
  out: ScopeEntries = [],
): ScopeEntries {
  if (iterations.length === 0) return out;
  const kept = iterations
    .filter((n) => !n.nodeFlag?.hooked && !n.nodeFlag?.retried)
    .sort((a, b) => loopIndex(a.name) - loopIndex(b.name));
  const paramList: Record<string, string>[] = [];
  const byName = new Map<string, string[]>();
  const results: unknown[] = [];
  for (const n of kept) {
    if (!n.outputs || n.phase !== 'Succeeded') continue;
    const params = n.outputs.parameters ?? [];
    if (params.length > 0) {
      const entry: Record<string, string> = {};
      for (const p of params) {
        entry[p.name] = p.value ?? '';
        byName.set(p.name, [...(byName.get(p.name) ?? []), p.value ?? '']);
      }
      paramList.push(entry);
    }
    if (n.outputs.result !== undefined) results.push(parseItem(n.outputs.result));
  }
  out.push(
    [`${prefix}.${name}.outputs.result`, JSON.stringify(results)],
    [`${prefix}.${name}.outputs.parameters`, JSON.stringify(paramList)],
  );
  for (const [param, values] of byName) {
    out.push([`${prefix}.${name}.outputs.parameters.${param}`, aggregatedList(values)]);
  }
  return out;
}

/** Go unmarshals a result into an Item: JSON when it parses, else the text itself. */
function parseItem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `aggregatedJSONValueList`: a list of objects/lists when every value is one, else a list of strings. */
function aggregatedList(values: readonly string[]): string {
  const parsed: unknown[] = [];
  for (const v of values) {
    let p: unknown;
    try {
      p = JSON.parse(v);
    } catch {
      return JSON.stringify(values);
    }
    if (typeof p !== 'object' || p === null) return JSON.stringify(values);
    parsed.push(p);
  }
  return JSON.stringify(parsed);
}

/** The loop index of `name(3:item)`. */
export function loopIndex(name: string): number {
  const tail = name.slice(name.lastIndexOf('(') + 1);
  return Number.parseInt(tail.split(':')[0] ?? '', 10);
}
