// The comparison of a simulated run with the controller's: the node set by node name, each node's phase, and the
// workflow's phase. Node ids are not compared (names are what both sides derive ids from, and what a reader sees);
// nothing else is normalised.
import {
  type LeafOutcome,
  type OutcomeRule,
  type SimulateOptions,
  type Simulation,
  simulate,
} from '@argo-gen/simulate';
import { ALLOWED, type Allowed, allowedBy } from './simulate-allow.js';
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

export interface CorpusResult {
  /** `simulate: agreement X/Y (corpus)`, with the allow-listed cases counted apart. */
  readonly summary: string;
  /** The cases that differ beyond the allow-list, each with its differences. */
  readonly unexplained: readonly string[];
  /** Allow-list entries of this corpus that matched no difference. */
  readonly stale: readonly Allowed[];
}

/** Simulates each case and compares it with the controller's record. */
export function compareCorpus(
  corpus: string,
  cases: readonly DiffCase[],
  names: readonly string[],
  observed: readonly Observed[],
): CorpusResult {
  let agree = 0;
  let allowListed = 0;
  const used = new Set<Allowed>();
  const unexplained: string[] = [];
  cases.forEach((c, i) => {
    const name = names[i] as string;
    let ds: Difference[];
    try {
      ds = differences(simulate(structuredClone(c.workflow), simulateOptions(c, name)), observed[i] as Observed);
    } catch (e) {
      ds = [{ at: 'workflow', simulated: `threw: ${(e as Error).message}`, controller: observed[i]?.phase ?? '' }];
    }
    if (ds.length === 0) {
      agree++;
      return;
    }
    const open = ds.filter((d) => {
      const a = allowedBy(corpus, c.title, d);
      if (a) used.add(a);
      return !a;
    });
    if (open.length === 0) allowListed++;
    else unexplained.push(`${c.title} [${name}]\n${formatDifferences(open)}`);
  });
  const summary =
    `simulate: agreement ${agree}/${cases.length} (${corpus})` +
    (allowListed ? `, ${allowListed} more differ only as allow-listed` : '');
  return { summary, unexplained, stale: ALLOWED.filter((a) => a.corpus === corpus && !used.has(a)) };
}
