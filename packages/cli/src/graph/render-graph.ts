import type { SimulatedPhase } from '@argo-gen/simulate';
import type { Graph } from './dag-graph.js';

/** Each task's phase in a simulated run (`graph --simulate`): its box is coloured, and its label says the phase. */
export type Phases = ReadonlyMap<string, SimulatedPhase>;

/** Fill and border per phase: green ran, red failed, grey did not run, violet could not be decided. */
const COLORS: Readonly<Record<SimulatedPhase, { readonly fill: string; readonly stroke: string }>> = {
  Succeeded: { fill: '#dcfce7', stroke: '#16a34a' },
  Failed: { fill: '#fee2e2', stroke: '#dc2626' },
  Error: { fill: '#fee2e2', stroke: '#dc2626' },
  Running: { fill: '#e0f2fe', stroke: '#0284c7' },
  Pending: { fill: '#fef9c3', stroke: '#ca8a04' },
  Skipped: { fill: '#f3f4f6', stroke: '#9ca3af' },
  Omitted: { fill: '#f3f4f6', stroke: '#9ca3af' },
  Undetermined: { fill: '#f3e8ff', stroke: '#9333ea' },
};

/** Mermaid flowchart: what GitHub and GitLab render in a pull request. Failure branches are dashed. */
export function toMermaid(g: Graph, phases?: Phases): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const esc = (s: string) => s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart TD', `  %% ${g.title}`];
  for (const n of g.nodes) {
    const notes = [n.note, phases?.get(n.id)].filter((x): x is string => x !== undefined);
    lines.push(`  ${ids.get(n.id)}["${esc(n.label)}${notes.map((x) => `<br/><i>${esc(x)}</i>`).join('')}"]`);
  }
  for (const e of g.edges) {
    const from = ids.get(e.from) ?? e.from;
    const to = ids.get(e.to) ?? e.to;
    const arrow = e.failure ? '-.->' : '-->';
    lines.push(`  ${from} ${arrow}${e.label ? `|${esc(e.label)}|` : ''} ${to}`);
  }
  if (phases) {
    for (const [phase, color] of Object.entries(COLORS)) {
      const members = g.nodes.filter((n) => phases.get(n.id) === phase).map((n) => ids.get(n.id));
      if (members.length === 0) continue;
      lines.push(`  classDef ${phase} fill:${color.fill},stroke:${color.stroke}`);
      lines.push(`  class ${members.join(',')} ${phase}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT: for local rendering (`dot -Tsvg`). Failure branches are dashed and red. */
export function toDot(g: Graph, phases?: Phases): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [`digraph ${q(g.title)} {`, '  rankdir=TB;', '  node [shape=box, style=rounded];'];
  for (const n of g.nodes) {
    const phase = phases?.get(n.id);
    const label = [n.label, n.note, phase].filter((x) => x !== undefined).join('\n');
    const fill = phase
      ? `, style="rounded,filled", fillcolor=${q(COLORS[phase].fill)}, color=${q(COLORS[phase].stroke)}`
      : '';
    lines.push(`  ${q(n.id)} [label=${q(label)}${fill}];`);
  }
  for (const e of g.edges) {
    const attrs = [e.label ? `label=${q(e.label)}` : '', e.failure ? 'style=dashed, color=red' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${attrs ? ` [${attrs}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
