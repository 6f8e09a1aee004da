import type { SimulatedNode, Simulation } from '@argo-gen/simulate';
import { describe, expect, it } from 'vitest';
import { taskPhases } from '../src/graph/simulated-phases.js';

/** Nodes as Argo records them (type, boundaryID, display name), started in the order given. */
function sim(nodes: readonly (Omit<SimulatedNode, 'id'> & { readonly id: string })[]): Simulation {
  return {
    phase: 'Failed',
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    order: nodes.map((n) => n.id),
    undetermined: [],
  };
}

const node = (id: string, displayName: string, type: string, phase: SimulatedNode['phase'], boundaryID = 'dag') =>
  ({ id, name: `wf.${displayName}`, displayName, type, phase, boundaryID }) as const;

describe('taskPhases', () => {
  it("a task's own node speaks for it: a retry over its attempts, a task group over its items", () => {
    const run = sim([
      { id: 'dag', name: 'wf', displayName: 'wf', type: 'DAG', templateName: 'main', phase: 'Failed' },
      node('r', 'gate', 'Retry', 'Succeeded'),
      node('r0', 'gate(0)', 'Pod', 'Failed'),
      node('r1', 'gate(1)', 'Pod', 'Succeeded'),
      node('g', 'fan', 'TaskGroup', 'Failed'),
      node('g0', 'fan(0:a)', 'Pod', 'Succeeded'),
      node('g1', 'fan(1:b)', 'Pod', 'Failed'),
      node('o', 'promote', 'Skipped', 'Omitted'),
    ]);
    expect(Object.fromEntries(taskPhases(run, 'main'))).toEqual({
      gate: 'Succeeded',
      'gate(0)': 'Failed',
      'gate(1)': 'Succeeded',
      fan: 'Failed',
      'fan(0:a)': 'Succeeded',
      'fan(1:b)': 'Failed',
      promote: 'Omitted',
    });
  });

  it('steps fanned out by a loop have no node of their own: the gravest of their items', () => {
    const run = sim([
      { id: 'st', name: 'wf', displayName: 'wf', type: 'Steps', templateName: 'main', phase: 'Failed' },
      node('sg', '[0]', 'StepGroup', 'Failed', 'st'),
      node('a', 'deploy(0:eu)', 'Pod', 'Succeeded', 'st'),
      node('b', 'deploy(1:us)', 'Pod', 'Undetermined', 'st'),
    ]);
    const phases = taskPhases(run, 'main');
    expect(phases.get('deploy')).toBe('Undetermined');
    expect(phases.has('[0]')).toBe(false);
  });

  it("the template's first call is drawn; nodes of a nested call are not its tasks; a template never called has none", () => {
    const run = sim([
      { id: 'dag', name: 'wf', displayName: 'wf', type: 'DAG', templateName: 'main', phase: 'Failed' },
      {
        id: 'c1',
        name: 'wf.one',
        displayName: 'one',
        type: 'DAG',
        templateName: 'child',
        phase: 'Failed',
        boundaryID: 'dag',
      },
      node('x1', 'work', 'Pod', 'Failed', 'c1'),
      {
        id: 'c2',
        name: 'wf.two',
        displayName: 'two',
        type: 'DAG',
        templateName: 'child',
        phase: 'Succeeded',
        boundaryID: 'dag',
      },
      node('x2', 'work', 'Pod', 'Succeeded', 'c2'),
    ]);
    expect(Object.fromEntries(taskPhases(run, 'child'))).toEqual({ work: 'Failed' });
    expect(Object.fromEntries(taskPhases(run, 'main'))).toEqual({ one: 'Failed', two: 'Succeeded' });
    expect(taskPhases(run, 'unused').size).toBe(0);
  });
});
