import type { SimulatedNode, SimulatedPhase, Simulation } from '@argo-gen/simulate';

/**
 * The phase of each task (or step) of one drawn template in a simulated run, by task name: from the template's first
 * call in the run (a template called twice is drawn once). A task fanned out by a loop, with no node of its own, takes
 * the gravest phase of its items. Tasks of a template the run never called have no phase.
 */
export function taskPhases(sim: Simulation, templateName: string): ReadonlyMap<string, SimulatedPhase> {
  const started = (n: SimulatedNode) => {
    const i = sim.order.indexOf(n.id);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const calls = Object.values(sim.nodes)
    .filter((n) => (n.type === 'DAG' || n.type === 'Steps') && n.templateName === templateName)
    .sort((a, b) => started(a) - started(b));
  const call = calls[0];
  if (!call) return new Map();
  const inside = Object.values(sim.nodes).filter((n) => n.boundaryID === call.id && n.type !== 'StepGroup');
  // A node of the task itself (a pod, a retry, a task group) speaks for it; else its loop items and attempts do.
  const own = new Map(inside.map((n) => [n.displayName ?? '', n.phase]));
  const byName = new Map<string, SimulatedPhase[]>();
  for (const n of inside) {
    const display = n.displayName ?? '';
    const task = /^(.+?)\(\d+(?::.*)?\)$/.exec(display)?.[1];
    if (task !== undefined && !own.has(task)) byName.set(task, [...(byName.get(task) ?? []), n.phase]);
  }
  for (const [name, p] of own) byName.set(name, [p]);
  return new Map([...byName].map(([task, phases]) => [task, gravest(phases)]));
}

/** Worst first: what a reader of a failed run looks for. */
const GRAVITY: readonly SimulatedPhase[] = [
  'Error',
  'Failed',
  'Undetermined',
  'Running',
  'Pending',
  'Succeeded',
  'Skipped',
  'Omitted',
];

function gravest(phases: readonly SimulatedPhase[]): SimulatedPhase {
  return GRAVITY.find((p) => phases.includes(p)) ?? 'Omitted';
}
