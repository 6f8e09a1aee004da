import type { SimulatedNode, Simulation } from '../src/index.js';

/** A container template that does nothing (the simulation never runs it). */
export const container = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  container: { image: 'alpine', command: ['true'] },
  ...extra,
});

export function workflow(spec: Record<string, unknown>, name = 'wf') {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name }, spec };
}

export function node(run: Simulation, name: string): SimulatedNode {
  const found = Object.values(run.nodes).find((n) => n.name === name);
  if (!found)
    throw new Error(
      `no node ${name}; nodes: ${Object.values(run.nodes)
        .map((n) => n.name)
        .join(', ')}`,
    );
  return found;
}

export function phaseOf(run: Simulation, name: string): string | undefined {
  return Object.values(run.nodes).find((n) => n.name === name)?.phase;
}

export function names(run: Simulation): string[] {
  return run.order.map((id) => run.nodes[id]?.name ?? id);
}

/** A workflow whose entrypoint `main` is a DAG of `tasks`, beside the templates they call (by default `work`). */
export function dagWorkflow(
  tasks: readonly Record<string, unknown>[],
  templates: readonly Record<string, unknown>[] = [container('work')],
) {
  return workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks } }, ...templates] });
}

/** A workflow whose entrypoint `main` runs `steps` (a list of step groups), beside the templates they call. */
export function stepsWorkflow(
  steps: readonly (readonly Record<string, unknown>[])[],
  templates: readonly Record<string, unknown>[] = [container('work')],
) {
  return workflow({ entrypoint: 'main', templates: [{ name: 'main', steps }, ...templates] });
}
