import { task } from '@argo-gen/dsl';
import { describe, expect, it } from 'vitest';
import { canary, canaryReplicas, kaniko, perfCheck, promote, rollback, rolling } from '../src/index.js';
import { shape, templatesOf } from './render.js';

const web = { name: 'web', namespace: 'burger-prod' } as const;
const gate = perfCheck({
  name: 'web-gate',
  target: { url: 'http://web-canary.burger-prod' },
  thresholds: { p95Ms: 300 },
});

describe('rolling', () => {
  it('sets the image, waits, and on failure undoes and fails', () => {
    const build = task('build', kaniko({ context: { dir: '/src' }, destinations: ['r.example.com/web'] }));
    const r = rolling({ name: 'web', workload: web, image: build.outputs.parameters.image, after: [] });
    expect(r.done.name).toBe('web-status');
    expect(shape([build, ...r])).toEqual([
      ['build', 'kaniko', undefined],
      ['web-set-image', 'web-set-image', 'build'],
      ['web-status', 'web-rollout-status', 'web-set-image'],
      ['web-undo', 'web-rollout-undo', 'web-status.Failed || web-status.Errored'],
      ['web-rolled-back', 'web-rolled-back', 'web-undo.Succeeded || web-undo.Failed || web-undo.Errored'],
    ]);
    expect(
      templatesOf([build, ...r])
        .get('web-rolled-back')
        ?.container?.command?.at(-1),
    ).toBe('rollout of deployment/web in burger-prod did not complete; it was undone');
  });
});

describe('canary', () => {
  const c = canary({ name: 'web', stable: web, image: 'r.example.com/web@sha256:abc', replicas: 10, gate });

  it('realises weights by replica counts, rounding the canary up', () => {
    expect([10, 50, 100].map((w) => canaryReplicas(10, w))).toEqual([1, 5, 10]);
    expect(canaryReplicas(4, 10)).toBe(1);
    const args = (name: string) => c.find((t) => t.name === name)?.arguments?.parameters?.[0]?.value;
    expect([args('web-10-scale-canary'), args('web-10-scale-stable')]).toEqual(['1', '9']);
    expect([args('web-50-scale-canary'), args('web-50-scale-stable')]).toEqual(['5', '5']);
    expect([args('web-100-scale-canary'), args('web-100-scale-stable')]).toEqual(['10', '0']);
  });

  it('gates each step, promotes after the last gate, and rolls back on any failure of the canary phase', () => {
    const s = shape(c);
    expect(s.map(([n]) => n)).toEqual([
      'web-canary-image',
      'web-10-scale-canary',
      'web-10-canary-ready',
      'web-10-scale-stable',
      'web-10-gate',
      'web-50-scale-canary',
      'web-50-canary-ready',
      'web-50-scale-stable',
      'web-50-gate',
      'web-100-scale-canary',
      'web-100-canary-ready',
      'web-100-scale-stable',
      'web-100-gate',
      'web-promote-image',
      'web-promote-scale',
      'web-promote-ready',
      'web-retire-canary',
      'web-rollback-stable',
      'web-rollback-ready',
      'web-rollback-canary',
      'web-rolled-back',
    ]);
    const depends = new Map(s.map(([n, , d]) => [n, d]));
    expect(depends.get('web-50-scale-canary')).toBe('web-10-gate');
    expect(depends.get('web-10-gate')).toBe('web-10-scale-stable');
    expect(depends.get('web-promote-image')).toBe('web-100-gate');
    const rollbackOn = depends.get('web-rollback-stable')?.split(' || ') ?? [];
    for (const w of [10, 50, 100]) {
      for (const step of ['scale-canary', 'canary-ready', 'scale-stable', 'gate']) {
        expect(rollbackOn).toContain(`web-${w}-${step}.Failed`);
        expect(rollbackOn).toContain(`web-${w}-${step}.Errored`);
      }
    }
    expect(depends.get('web-rollback-ready')).toBe('web-rollback-stable');
    expect(depends.get('web-rollback-canary')).toBe('web-rollback-ready');
    expect(depends.get('web-rolled-back')).toBe(
      'web-rollback-canary.Succeeded || web-rollback-canary.Failed || web-rollback-canary.Errored',
    );
    expect(c.done.name).toBe('web-retire-canary');
  });

  it('refuses a gate that only reports: its failure path could never run', () => {
    const report = perfCheck({
      name: 'web-report',
      target: { url: 'http://web' },
      thresholds: { p95Ms: 300 },
      mode: 'report',
    });
    expect(() => canary({ name: 'web', stable: web, image: 'r/w:1', replicas: 10, gate: report })).toThrow(
      "strategy 'canary': gate 'web-report' is in 'report' mode, so it never fails and the rollback could never run; create it with perfCheck({ mode: 'gate', … })",
    );
  });

  it('refuses steps that would not move a pod, and weights out of order', () => {
    expect(() =>
      canary({ name: 'web', stable: web, image: 'r/w:1', replicas: 4, gate, weights: [10, 20, 100] }),
    ).toThrow(
      "strategy 'canary': weights 10 and 20 both give the canary 1 of 4 replicas, so the second gate would test nothing new; use more replicas or fewer steps",
    );
    expect(() => canary({ name: 'web', stable: web, image: 'r/w:1', replicas: 4, gate, weights: [50, 10] })).toThrow(
      "strategy 'canary': weights must be ascending (got [50,10])",
    );
    expect(() => canary({ name: 'web', stable: web, image: 'r/w:1', replicas: 4, gate, weights: [0, 100] })).toThrow(
      "strategy 'canary': weights[0] must be at least 1 (got 0)",
    );
    expect(() =>
      canary({ name: 'db', stable: { ...web, kind: 'StatefulSet' as never }, image: 'r/w:1', replicas: 4, gate }),
    ).toThrow(
      `strategy 'canary': stable.kind must be "Deployment" (got "StatefulSet"): canary() splits traffic between two Deployments; use statefulSetCanary() (a canary by partition)`,
    );
    expect(() => canary({ name: 'web', stable: web, image: 'r/w:1', replicas: 4, gate: {} as never })).toThrow(
      "strategy 'canary': gate must be a template made by perfCheck() (got {})",
    );
  });
});

describe('rollback', () => {
  it('restores a revision and verifies it', () => {
    const r = rollback({ name: 'db', workload: { kind: 'StatefulSet', name: 'db', namespace: 'p' }, toRevision: 3 });
    expect(shape(r)).toEqual([
      ['db-undo', 'db-rollout-undo', undefined],
      ['db-verify', 'db-rollout-status', 'db-undo'],
    ]);
    expect(templatesOf(r).get('db-rollout-undo')?.inputs?.parameters?.[0]?.default).toBe('3');
  });
});

describe('promote', () => {
  it('reads the image in staging, waits for approval, and rolls it out to production', () => {
    const p = promote({
      name: 'web',
      from: { name: 'web', namespace: 'burger-staging' },
      to: web,
      approval: true,
    });
    expect(shape(p)).toEqual([
      ['web-source-image', 'web-read-image', undefined],
      ['web-approve', 'web-approval', 'web-source-image'],
      ['web-deploy-set-image', 'web-deploy-set-image', 'web-approve && web-source-image'],
      ['web-deploy-status', 'web-deploy-rollout-status', 'web-deploy-set-image'],
      ['web-deploy-undo', 'web-deploy-rollout-undo', 'web-deploy-status.Failed || web-deploy-status.Errored'],
      [
        'web-deploy-rolled-back',
        'web-deploy-rolled-back',
        'web-deploy-undo.Succeeded || web-deploy-undo.Failed || web-deploy-undo.Errored',
      ],
    ]);
    const t = templatesOf(p);
    expect(t.get('web-read-image')?.container?.args).toContain('burger-staging');
    expect(t.get('web-deploy-set-image')?.container?.args).toContain('--namespace=burger-prod');
  });

  it('without approval, deploys right after reading', () => {
    const p = promote({ name: 'web', from: { name: 'web', namespace: 'burger-staging' }, to: web });
    expect(shape(p)[1]).toEqual(['web-deploy-set-image', 'web-deploy-set-image', 'web-source-image']);
  });

  it('refuses to promote a workload onto itself', () => {
    expect(() => promote({ name: 'web', from: web, to: web })).toThrow(
      "strategy 'promote': from and to are the same workload (burger-prod/web); nothing would be promoted",
    );
  });
});
