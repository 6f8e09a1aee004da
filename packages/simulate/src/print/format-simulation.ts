/**
 * A simulation as text, laid out like `argo get`: the workflow's name, phase and message on top, then the node tree
 * with a symbol per phase. Pod names and durations are left out (nothing ran); a PHASE column is added, so that the
 * text says what the colours say. Deterministic: the same simulation prints the same bytes.
 */
import type { SimulatedNode, Simulation } from '../types.js';
import { type Paint, painter, symbolOf } from './phase-style.js';
import { renderTrees, type TreeRow } from './render-tree.js';

/** How `formatSimulation` prints. */
export interface FormatOptions {
  /** Colour the phases with ANSI escapes (for a terminal). Default false. */
  readonly color?: boolean;
}

const LABEL_WIDTH = 20; // argo get's "%-20s %v"
const GAP = 2; // argo get's tabwriter padding

/** The simulation as `argo get` would print the run; ends with a newline. */
export function formatSimulation(sim: Simulation, options: FormatOptions = {}): string {
  const paint = painter(options.color === true);
  const trees = renderTrees(sim.nodes, sim.order);
  const root = trees[0]?.root;
  const reasons = new Map(sim.undetermined.map((u) => [u.node, u.reason]));
  const head: string[] = [];
  const field = (label: string, value: string) => head.push(`${label.padEnd(LABEL_WIDTH)} ${value}`.trimEnd());
  if (root) field('Name:', root.name);
  field('Status:', paint(sim.phase, sim.phase));
  if (sim.message) field('Message:', oneLine(sim.message));
  const outputs = sim.outputs?.parameters ?? [];
  if (outputs.length > 0) {
    field('Output Parameters:', '');
    for (const p of outputs) field(`  ${p.name}:`, oneLine(p.value));
  }
  if (trees.length === 0) return `${head.join('\n')}\n`;

  const header = ['STEP', 'TEMPLATE', 'PHASE', 'MESSAGE'];
  const blocks = trees.map((t) => t.rows.map((r) => cells(r, reasons)));
  const widths = header.map((h, col) => Math.max(width(h), ...blocks.flat().map((cs) => width(cs[col]?.text ?? ''))));
  const line = (cs: readonly Cell[]) =>
    cs
      .map((c, col) => {
        const pad = col === cs.length - 1 ? '' : ' '.repeat((widths[col] ?? 0) - width(c.text) + GAP);
        return `${c.paint ? colorIn(c.text, c.paint, paint) : c.text}${pad}`;
      })
      .join('')
      .trimEnd();
  const table = [line(header.map((text) => ({ text })))];
  blocks.forEach((rows, i) => {
    if (i > 0) table.push('');
    for (const cs of rows) table.push(line(cs));
  });
  return `${head.join('\n')}\n\n${table.join('\n')}\n`;
}

interface Cell {
  readonly text: string;
  /** Colour these parts of the text with this phase's colour. */
  readonly paint?: { readonly phase: string; readonly parts: readonly string[] };
}

function cells(row: TreeRow, reasons: ReadonlyMap<string, string>): Cell[] {
  const n = row.node;
  const symbol = symbolOf(n.phase, isWaiting(n));
  const template = n.templateRef ? `${n.templateRef.name}/${n.templateRef.template}` : (n.templateName ?? '');
  const message = n.message ?? reasons.get(n.id) ?? reasons.get(n.name) ?? '';
  return [
    { text: `${row.prefix}${symbol} ${n.displayName ?? n.name}`, paint: { phase: n.phase, parts: [symbol] } },
    { text: template },
    { text: n.phase, paint: { phase: n.phase, parts: [n.phase] } },
    { text: oneLine(message) },
  ];
}

/** A suspend node still waiting: argo get's IsActiveSuspendNode. */
function isWaiting(n: SimulatedNode): boolean {
  return n.type === 'Suspend' && n.phase === 'Running';
}

/** Colours the first occurrence of each part after the tree drawing, leaving the drawing and the name plain. */
function colorIn(text: string, p: NonNullable<Cell['paint']>, paint: Paint): string {
  let out = text;
  for (const part of p.parts) {
    const at = out.indexOf(part);
    if (at >= 0) out = out.slice(0, at) + paint(part, p.phase) + out.slice(at + part.length);
  }
  return out;
}

/** Columns are measured in code points: the tree's box characters and symbols are one column wide each. */
function width(text: string): number {
  return [...text].length;
}

/** Messages can hold newlines (a script's stderr); one row per node keeps the tree readable. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
