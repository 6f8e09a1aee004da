/**
 * The first cycle in a directed graph, as the list of nodes along it with the first repeated at the end
 * (`['a', 'b', 'a']`), or undefined. Iterative, so a long chain does not exhaust the stack.
 */
export function findCycle(nodes: readonly string[], next: (node: string) => readonly string[]): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { node: string; edges: readonly string[]; i: number }[] = [];
    const enter = (node: string) => {
      state.set(node, 'open');
      path.push(node);
      stack.push({ node, edges: next(node), i: 0 });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; edges: readonly string[]; i: number };
      if (top.i >= top.edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const to = top.edges[top.i++] as string;
      const s = state.get(to);
      if (s === 'open') return [...path.slice(path.indexOf(to)), to];
      if (s === undefined) enter(to);
    }
  }
  return undefined;
}
