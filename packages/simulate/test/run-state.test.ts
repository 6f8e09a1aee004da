import { describe, expect, it } from 'vitest';
import { RunState } from '../src/run-state.js';

describe('RunState.boundedBy', () => {
  it('lists the nodes created inside a boundary, in creation order, and only those', () => {
    const state = new RunState('wf');
    const dag = state.create({ name: 'wf', type: 'DAG', phase: 'Running', at: 0 });
    const inner = state.create({ name: 'wf.b', type: 'DAG', phase: 'Running', at: 0, boundaryID: dag.id });
    const a = state.create({ name: 'wf.a', type: 'Pod', phase: 'Succeeded', at: 1, boundaryID: dag.id });
    const deep = state.create({ name: 'wf.b.x', type: 'Pod', phase: 'Running', at: 2, boundaryID: inner.id });
    const c = state.create({ name: 'wf.c', type: 'Skipped', phase: 'Omitted', at: 3, boundaryID: dag.id });
    expect(state.boundedBy(dag.id).map((n) => n.name)).toEqual(['wf.b', 'wf.a', 'wf.c']);
    expect(state.boundedBy(inner.id)).toEqual([deep]);
    expect(state.boundedBy(a.id)).toEqual([]);
    // the very nodes, so that a later phase or finish time is what a reader sees
    state.mark(deep, 'Succeeded', 5);
    expect(state.boundedBy(inner.id)[0]?.finishedAt).toBe(5);
    expect(state.boundedBy(dag.id)[2]).toBe(c);
  });
});

describe('RunState.outboundOf a pod', () => {
  it('leads out through its containers once it has one, however many children were read before', () => {
    const state = new RunState('wf');
    const pod = state.create({ name: 'wf.p', type: 'Pod', phase: 'Succeeded', at: 0 });
    for (const name of ['wf.a', 'wf.b']) {
      state.create({ name, type: 'Pod', phase: 'Succeeded', at: 1 });
      state.addChild('wf.p', name);
      expect(state.outboundOf(pod.id)).toEqual([pod.id]);
    }
    const c = state.create({ name: 'wf.p.main', type: 'Container', phase: 'Succeeded', at: 0, boundaryID: pod.id });
    state.addChild('wf.p', 'wf.p.main');
    expect(state.outboundOf(pod.id)).toEqual([state.idOf('wf.a'), state.idOf('wf.b'), c.id]);
    expect(state.outboundOf(pod.id)).toEqual([state.idOf('wf.a'), state.idOf('wf.b'), c.id]);
  });
});
