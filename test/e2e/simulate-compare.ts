// The comparison of a simulated run with the controller's: the node set by node name, each node's phase, and the
// workflow's phase. Node ids are not compared (names are what both sides derive ids from, and what a reader sees);
// nothing else is normalised.
import type { LeafOutcome, OutcomeRule, SimulateOptions, Simulation } from '@argo-gen/simulate';
import type { CaseOutcome, DiffCase, Observed } from './simulate-harness.js';

/** One difference: where (`workflow` or a node name) and both sides. */
export interface Difference {
  readonly at: string;
  readonly simulated: string;
  readonly controller: string;
}

/** The simulate options for a case: a per-attempt list becomes a rule of the node's attempt, the last one repeating. */
export function simulateOptions(c: DiffCase, workflowName: string): SimulateOptions {
  const rule = (o: CaseOutcome): OutcomeRule =>
    Array.isArray(o)
      ? (node) => (o as readonly LeafOutcome[])[Math.min(node.attempt, o.length - 1)]
      : (o as Exclude<CaseOutcome, readonly LeafOutcome[]>);
  return {
    workflowName,
    ...(c.parameters ? { parameters: c.parameters } : {}),
    outcomes: Object.fromEntries(Object.entries(c.outcomes ?? {}).map(([k, o]) => [k, rule(o)])),
  };
}

/** Every difference between the simulation and the controller's record; empty when they agree. */
export function differences(sim: Simulation, real: Observed): Difference[] {
  const out: Difference[] = [];
  if (sim.phase !== real.phase) out.push({ at: 'workflow', simulated: sim.phase, controller: real.phase });
  const simulated = new Map(Object.values(sim.nodes).map((n) => [n.name, n.phase as string]));
  const names = [...new Set([...simulated.keys(), ...Object.keys(real.nodes)])].sort();
  for (const name of names) {
    const s = simulated.get(name) ?? 'absent';
    const r = real.nodes[name]?.phase ?? 'absent';
    if (s !== r) out.push({ at: name, simulated: s, controller: r });
  }
  return out;
}

export const formatDifferences = (ds: readonly Difference[]) =>
  ds.map((d) => `  ${d.at}: simulate ${d.simulated}, controller ${d.controller}`).join('\n');
