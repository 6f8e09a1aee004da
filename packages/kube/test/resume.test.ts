import { ArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import type { ObjectRef } from '../src/kinds.js';
import type { ArgoObject } from '../src/object.js';
import { planResume, resumeWorkflow, suspendedNodes } from '../src/resume.js';
import { FakeKube } from './fake-kube.js';

const NOW = new Date('2026-01-02T03:04:05.678Z');

const node = (id: string, type: string, phase: string, extra: object = {}) => ({
  [id]: { id, name: `w.${id}`, displayName: id, type, phase, ...extra },
});

const wf = (nodes: Record<string, object>, spec: object = {}, rv = '7'): ArgoObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { name: 'w', namespace: 'ci', resourceVersion: rv },
  spec: { entrypoint: 'main', ...spec },
  status: {
    phase: 'Running',
    nodes: { w: { id: 'w', name: 'w', displayName: 'w', type: 'DAG', phase: 'Running' }, ...nodes },
  },
});

const nodesOf = (o: ArgoObject) => (o.status as { nodes: Record<string, Record<string, unknown>> }).nodes;

describe('suspendedNodes', () => {
  const w = wf({
    ...node('approve', 'Suspend', 'Running'),
    ...node('approve-2', 'Suspend', 'Running'),
    ...node('old-approval', 'Suspend', 'Succeeded'),
    ...node('build', 'Pod', 'Running'),
  });

  it('selects only Running Suspend nodes', () => {
    expect(suspendedNodes(w).map((n) => n.displayName)).toEqual(['approve', 'approve-2']);
  });

  it('with a node, matches its displayName or its full name', () => {
    expect(suspendedNodes(w, 'approve-2')).toEqual([
      { id: 'approve-2', name: 'w.approve-2', displayName: 'approve-2' },
    ]);
    expect(suspendedNodes(w, 'w.approve').map((n) => n.id)).toEqual(['approve']);
    expect(suspendedNodes(w, 'old-approval')).toEqual([]);
    expect(suspendedNodes(w, 'build')).toEqual([]);
    expect(suspendedNodes(w, 'nope')).toEqual([]);
  });

  it('finds nothing in a workflow the controller has not seen yet', () => {
    expect(suspendedNodes({ kind: 'Workflow', metadata: { name: 'w' } })).toEqual([]);
  });
});

describe('planResume', () => {
  it('marks the selected nodes Succeeded with finishedAt, without changing its input', () => {
    const w = wf({ ...node('approve', 'Suspend', 'Running'), ...node('gate', 'Suspend', 'Running') });
    const plan = planResume(w, { node: 'gate', now: NOW });
    expect(plan.resumed.map((n) => n.id)).toEqual(['gate']);
    expect(plan.running.map((n) => n.id)).toEqual(['approve', 'gate']);
    expect(nodesOf(plan.workflow).gate).toMatchObject({ phase: 'Succeeded', finishedAt: '2026-01-02T03:04:05Z' });
    expect(nodesOf(plan.workflow).approve?.phase).toBe('Running');
    expect(nodesOf(w).gate?.phase).toBe('Running');
    expect(plan.workflow.metadata?.resourceVersion).toBe('7');
  });

  it('gives supplied output parameters their default, and refuses one without a default', () => {
    const outputs = (p: object) => ({
      outputs: {
        parameters: [
          { name: 'ok', valueFrom: { supplied: {}, ...p } },
          { name: 'fixed', value: 'x' },
        ],
      },
    });
    const plan = planResume(wf(node('approve', 'Suspend', 'Running', outputs({ default: 'yes' }))), { now: NOW });
    expect(nodesOf(plan.workflow).approve?.outputs).toEqual({
      parameters: [
        { name: 'ok', value: 'yes' },
        { name: 'fixed', value: 'x' },
      ],
    });
    expect(() => planResume(wf(node('approve', 'Suspend', 'Running', outputs({}))))).toThrow(
      /output parameter 'ok' is to be supplied and has no default/,
    );
  });

  it('clears spec.suspend only when no node is named', () => {
    const w = wf({}, { suspend: true });
    const all = planResume(w);
    expect(all.unsuspended).toBe(true);
    expect((all.workflow.spec as { suspend?: boolean }).suspend).toBeUndefined();
    const one = planResume(w, { node: 'approve' });
    expect(one.unsuspended).toBe(false);
    expect((one.workflow.spec as { suspend?: boolean }).suspend).toBe(true);
  });

  it('refuses a workflow whose nodes are offloaded', () => {
    const w = { ...wf({}), status: { phase: 'Running', offloadNodeStatusVersion: 'abc' } };
    expect(() => planResume(w)).toThrow(/offloaded/);
  });
});

/** A FakeKube whose first replace of the workflow meets a change by the controller. */
class RacingKube extends FakeKube {
  races = 1;
  override async replace(ref: ObjectRef, body: ArgoObject) {
    if (this.races-- > 0) {
      const current = this.objects.get('Workflow/ci/w') as ArgoObject;
      this.objects.set('Workflow/ci/w', {
        ...current,
        metadata: { ...current.metadata, resourceVersion: `race-${this.races}` },
      });
    }
    return super.replace(ref, body);
  }
}

describe('resumeWorkflow', () => {
  it('reads, replaces with the read resourceVersion, and retries once after a conflict', async () => {
    const kube = new RacingKube();
    kube.objects.set('Workflow/ci/w', wf(node('approve', 'Suspend', 'Running')));
    const r = await resumeWorkflow(kube, 'w', 'ci');
    expect(r.changed).toBe(true);
    expect(r.resumed.map((n) => n.displayName)).toEqual(['approve']);
    expect(kube.requests).toEqual(['get w', 'replace w', 'get w', 'replace w']);
    expect(nodesOf(kube.objects.get('Workflow/ci/w') as ArgoObject).approve?.phase).toBe('Succeeded');
  });

  it('gives up after a second conflict', async () => {
    const kube = new RacingKube();
    kube.races = 2;
    kube.objects.set('Workflow/ci/w', wf(node('approve', 'Suspend', 'Running')));
    await expect(resumeWorkflow(kube, 'w', 'ci')).rejects.toThrow(/conflict/);
    expect(kube.requests).toEqual(['get w', 'replace w', 'get w', 'replace w']);
  });

  it('writes nothing when there is nothing to resume', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/ci/w', wf(node('approve', 'Suspend', 'Succeeded')));
    const r = await resumeWorkflow(kube, 'w', 'ci');
    expect(r.changed).toBe(false);
    expect(kube.requests).toEqual(['get w']);
  });

  it('does not retry other errors', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/ci/w', wf(node('approve', 'Suspend', 'Running')));
    kube.failures.set('update Workflow/w', 'kube/forbidden');
    await expect(resumeWorkflow(kube, 'w', 'ci')).rejects.toBeInstanceOf(ArgoGenError);
    expect(kube.requests).toEqual(['get w', 'replace w']);
  });
});
