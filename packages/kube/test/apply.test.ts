import { describe, expect, it } from 'vitest';
import { applyObjects, applyTarget, formatApplyResult, outcomeOf } from '../src/apply.js';
import { FakeKube } from './fake-kube.js';

const wt = (name: string, image = 'alpine') => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'WorkflowTemplate',
  metadata: { name },
  spec: { image },
});

describe('applyObjects', () => {
  it('reports created, unchanged and configured like kubectl', async () => {
    const kube = new FakeKube();
    const first = await applyObjects(kube, [wt('a'), wt('b')]);
    expect(first.map((r) => formatApplyResult(r))).toEqual([
      'workflowtemplate/a created',
      'workflowtemplate/b created',
    ]);
    const again = await applyObjects(kube, [wt('a'), wt('b', 'busybox')]);
    expect(again.map((r) => formatApplyResult(r))).toEqual([
      'workflowtemplate/a unchanged',
      'workflowtemplate/b configured',
    ]);
  });

  it('says exactly which objects were applied when one fails', async () => {
    const kube = new FakeKube();
    kube.failures.set('patch WorkflowTemplate/b', 'kube/invalid');
    const results = await applyObjects(kube, [wt('a'), wt('b'), wt('c')]);
    expect(results.map((r) => formatApplyResult(r))).toEqual([
      'workflowtemplate/a created',
      'workflowtemplate/b not applied: patch failed [kube/invalid]',
      'workflowtemplate/c created',
    ]);
  });

  for (const shared of ['kube/unreachable', 'kube/timeout']) {
    it(`stops after a failure every request would share (${shared}), and marks the rest skipped`, async () => {
      const kube = new FakeKube();
      kube.failures.set('get WorkflowTemplate/b', shared);
      const results = await applyObjects(kube, [wt('a'), wt('b'), wt('c')]);
      expect(results.map((r) => formatApplyResult(r, 'server'))).toEqual([
        'workflowtemplate/a created (server dry run)',
        `workflowtemplate/b not applied: get failed [${shared}]`,
        'workflowtemplate/c not applied (skipped after the error above)',
      ]);
      expect(kube.requests).not.toContain('find c');
    });
  }

  it('dry runs compare content, since nothing is stored', () => {
    const before = { metadata: { name: 'a', resourceVersion: '5', managedFields: [1] }, spec: { x: 1 } };
    expect(outcomeOf(before, { metadata: { name: 'a', resourceVersion: '5' }, spec: { x: 1 } }, true)).toBe(
      'unchanged',
    );
    expect(outcomeOf(before, { metadata: { name: 'a', resourceVersion: '5' }, spec: { x: 2 } }, true)).toBe(
      'configured',
    );
    expect(outcomeOf(undefined, before, true)).toBe('created');
  });

  it('refuses what apply cannot handle, before any request', () => {
    expect(() => applyTarget({ kind: 'Workflow', metadata: { generateName: 'x-' } }, {}, 'default')).toThrow(
      'workflow/x-: Workflows are submitted, not applied; use argo-gen submit',
    );
    expect(() => applyTarget({ kind: 'ConfigMap', metadata: { name: 'c' } }, {}, 'default')).toThrow('use kubectl');
    expect(() =>
      applyTarget({ ...wt('a'), metadata: { name: 'a', namespace: 'x' } }, { namespace: 'y' }, 'default'),
    ).toThrow("the object's namespace 'x' does not match -n 'y'");
    expect(applyTarget({ kind: 'ClusterWorkflowTemplate', metadata: { name: 'c' } }, { namespace: 'y' }, 'd')).toEqual({
      kind: 'ClusterWorkflowTemplate',
      name: 'c',
    });
    expect(applyTarget(wt('a'), {}, 'fallback')).toEqual({
      kind: 'WorkflowTemplate',
      name: 'a',
      namespace: 'fallback',
    });
  });
});
