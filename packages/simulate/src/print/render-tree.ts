/**
 * The node tree as `argo get` draws it (convertToRenderTrees and renderChild in Argo's
 * cmd/argo/commands/common/get.go): DAG and Steps nodes contain the nodes of their boundary, step groups and retries
 * contain their children; a step group and a retry with one attempt are not drawn themselves (their children take
 * their place), task groups are not drawn (their tasks sit in the DAG). Siblings go in the order they started.
 * Unlike argo get, Omitted nodes are drawn: a simulation is read for what did not run as much as for what did.
 */
import type { SimulatedNode } from '../types.js';

/** One printed line: the tree's drawing before the node, and the node. */
export interface TreeRow {
  readonly prefix: string;
  readonly node: SimulatedNode;
}

type Kind = 'boundary' | 'parent' | 'leaf' | 'hidden';

function kindOf(type: string): Kind {
  if (type === 'DAG' || type === 'Steps') return 'boundary';
  if (type === 'StepGroup' || type === 'Retry') return 'parent';
  // Argo's printer has no place for task groups: their tasks are in the DAG's boundary.
  if (type === 'TaskGroup') return 'hidden';
  // Pod, Skipped, Suspend, HTTP, Plugin, and any type the printer does not know: shown rather than lost.
  return 'leaf';
}

/** One tree: its root (drawn or folded away, as a single-attempt retry is) and its rows. */
export interface Tree {
  readonly root: SimulatedNode;
  readonly rows: readonly TreeRow[];
}

/** Every tree (the workflow's, then the exit handler's and any other root's), in start order. */
export function renderTrees(nodes: Readonly<Record<string, SimulatedNode>>, order: readonly string[]): Tree[] {
  const started = new Map(order.map((id, i) => [id, i]));
  const compare = siblingOrder(nodes, started);
  const childOfParent = new Set<string>();
  for (const n of Object.values(nodes))
    if (kindOf(n.type) === 'parent') for (const c of n.children ?? []) if (nodes[c]) childOfParent.add(c);

  const contained = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, n] of Object.entries(nodes)) {
    if (kindOf(n.type) === 'hidden' || childOfParent.has(id)) continue;
    const boundary = n.boundaryID && nodes[n.boundaryID] ? n.boundaryID : undefined;
    if (boundary === undefined) roots.push(id);
    else contained.set(boundary, [...(contained.get(boundary) ?? []), id]);
  }
  const childrenOf = (n: SimulatedNode): string[] => {
    const kind = kindOf(n.type);
    const ids = kind === 'parent' ? (n.children ?? []).filter((c) => nodes[c]) : (contained.get(n.id) ?? []);
    return kind === 'boundary' || kind === 'parent' ? [...ids].sort(compare) : [];
  };

  return roots.sort(compare).map((id) => {
    const root = nodes[id] as SimulatedNode;
    const rows: TreeRow[] = [];
    render(root, ' ', ' ', rows, nodes, childrenOf);
    return { root, rows };
  });
}

/** A step group, and a retry that made one attempt, are drawn as their children alone (argo get's filterNode). */
function filtered(n: SimulatedNode): { filtered: boolean; indent: boolean } {
  if (n.type === 'StepGroup') return { filtered: true, indent: true };
  if (n.type === 'Retry' && (n.children ?? []).length === 1) return { filtered: true, indent: false };
  return { filtered: false, indent: false };
}

function render(
  n: SimulatedNode,
  nodePrefix: string,
  childPrefix: string,
  rows: TreeRow[],
  nodes: Readonly<Record<string, SimulatedNode>>,
  childrenOf: (n: SimulatedNode) => string[],
): void {
  const f = filtered(n);
  if (!f.filtered) rows.push({ prefix: nodePrefix, node: n });
  const children = childrenOf(n);
  const last = children.length - 1;
  children.forEach((id, i) => {
    const [part, sub] = branch(f.filtered, f.indent, i, last);
    const own = !f.filtered || i > 0 ? childPrefix : nodePrefix;
    render(nodes[id] as SimulatedNode, own + part, childPrefix + sub, rows, nodes, childrenOf);
  });
}

/** The drawing before a child and before its own children (renderChild's UTF-8 branch). */
function branch(parentFiltered: boolean, childIndent: boolean, i: number, last: number): [string, string] {
  if (parentFiltered && !childIndent) return ['', ''];
  if (parentFiltered) {
    if (last === 0) return ['──', '  '];
    if (i === 0) return ['┬─', '│ '];
  }
  return i === last ? ['└─', '  '] : ['├─', '│ '];
}

/**
 * Siblings by start order; nodes that never started (none in `order`) after them, by display name, loop items by
 * their index (`deploy(10:x)` after `deploy(9:y)`), as argo get breaks ties.
 */
function siblingOrder(
  nodes: Readonly<Record<string, SimulatedNode>>,
  started: ReadonlyMap<string, number>,
): (a: string, b: string) => number {
  return (a, b) => {
    const sa = started.get(a) ?? Number.POSITIVE_INFINITY;
    const sb = started.get(b) ?? Number.POSITIVE_INFINITY;
    if (sa !== sb) return sa < sb ? -1 : 1;
    const ta = nodes[a]?.startedAt ?? '';
    const tb = nodes[b]?.startedAt ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    const da = nodes[a]?.displayName ?? nodes[a]?.name ?? a;
    const db = nodes[b]?.displayName ?? nodes[b]?.name ?? b;
    const ia = loopIndex(da);
    const ib = loopIndex(db);
    if (ia >= 0 && ib >= 0 && ia !== ib) return ia - ib;
    return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
}

/** Argo's RecoverIndexFromNodeName: the number between `(` and `:`, or -1. */
function loopIndex(name: string): number {
  const m = /\((\d+):/.exec(name);
  return m ? Number(m[1]) : -1;
}
