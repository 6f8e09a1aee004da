/**
 * The first cycle in a directed graph, as the list of nodes along it with the first repeated at the end
 * (`['a', 'b', 'a']`), or undefined. Iterative, so a long chain does not exhaust the stack.
 */
export function findCycle(nodes: readonly string[], next: (node: string) => readonly string[]): string[] | undefined {
  // One search state for all roots (each root's search ends with `path` and `stack` empty), and no closure per root:
  // the lint runs this over every task of a DAG.
  const walk: Walk = { next, state: new Map(), path: [], stack: [] };
  const { state, path, stack } = walk;
  for (let r = 0; r < nodes.length; r++) {
    const root = nodes[r] as string;
    if (state.has(root)) continue;
    enter(walk, root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      if (top.i >= top.edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const to = top.edges[top.i++] as string;
      const s = state.get(to);
      if (s === 'open') return [...path.slice(path.indexOf(to)), to];
      if (s === undefined) enter(walk, to);
    }
  }
  return undefined;
}

interface Frame {
  readonly node: string;
  readonly edges: readonly string[];
  i: number;
}

interface Walk {
  readonly next: (node: string) => readonly string[];
  readonly state: Map<string, 'open' | 'done'>;
  /** The nodes from the root to where the search is. */
  readonly path: string[];
  readonly stack: Frame[];
}

function enter(w: Walk, node: string): void {
  w.state.set(node, 'open');
  w.path.push(node);
  w.stack.push({ node, edges: w.next(node), i: 0 });
}
