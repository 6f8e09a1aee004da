import type { Graph } from './dag-graph.js';

/** Mermaid flowchart: what GitHub and GitLab render in a pull request. Failure branches are dashed. */
export function toMermaid(g: Graph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const esc = (s: string) => s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart TD', `  %% ${g.title}`];
  for (const n of g.nodes)
    lines.push(`  ${ids.get(n.id)}["${esc(n.label)}${n.note ? `<br/><i>${esc(n.note)}</i>` : ''}"]`);
  for (const e of g.edges) {
    const from = ids.get(e.from) ?? e.from;
    const to = ids.get(e.to) ?? e.to;
    const arrow = e.failure ? '-.->' : '-->';
    lines.push(`  ${from} ${arrow}${e.label ? `|${esc(e.label)}|` : ''} ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT: for local rendering (`dot -Tsvg`). Failure branches are dashed and red. */
export function toDot(g: Graph): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [`digraph ${q(g.title)} {`, '  rankdir=TB;', '  node [shape=box, style=rounded];'];
  for (const n of g.nodes) lines.push(`  ${q(n.id)} [label=${q(n.note ? `${n.label}\n${n.note}` : n.label)}];`);
  for (const e of g.edges) {
    const attrs = [e.label ? `label=${q(e.label)}` : '', e.failure ? 'style=dashed, color=red' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${attrs ? ` [${attrs}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
