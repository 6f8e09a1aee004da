/**
 * Type tests for the deployment strategies, as for the steps (steps.test-d.ts): compiled by
 * `tsc -p test/tsconfig.json --noEmit`, where an `@ts-expect-error` that stops being an error fails the build. A
 * strategy returns a sub-graph: its tasks spread into `dag()`, and `done` is the task to hang the next stage off.
 * For each: correct use compiles; a misspelt option, a missing required option and a value of the wrong kind do not.
 */
import { container, dag, type Task, task } from '@argo-gen/dsl';
import {
  canary,
  daemonSetRolling,
  kaniko,
  perfCheck,
  promote,
  rollback,
  rolling,
  type SubGraph,
  statefulSetCanary,
} from '@argo-gen/steps';
import { describe, expectTypeOf, it } from 'vitest';

const web = { name: 'web', namespace: 'burger-prod' } as const;
const build = task('build', kaniko({ context: { dir: '/src' }, destinations: ['registry.example.com/web'] }));
const image = build.outputs.parameters.image;
const gate = perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 300 } });
const healthy = container('healthy', { image: 'alpine:3.20', args: ['true'] });

describe('rolling', () => {
  it('takes a workload and an image; its sub-graph spreads into a DAG', () => {
    const r = rolling({ name: 'web', workload: web, image, after: [build], timeout: '2m' });
    expectTypeOf(r).toEqualTypeOf<SubGraph>();
    expectTypeOf(r.done).toEqualTypeOf<Task>();
    dag('main', [build, ...r]);
  });

  it('options', () => {
    // @ts-expect-error: a misspelt option
    rolling({ name: 'web', workload: web, image, timout: '2m' });
    // @ts-expect-error: image is required
    rolling({ name: 'web', workload: web });
    // @ts-expect-error: the image is a string or a handle
    rolling({ name: 'web', workload: web, image: 42 });
    // @ts-expect-error: after takes tasks
    rolling({ name: 'web', workload: web, image, after: ['build'] });
  });
});

describe('canary', () => {
  it('takes the stable Deployment, replicas, weights and a perf check as gate', () => {
    const c = canary({ name: 'web', stable: web, image, replicas: 10, weights: [25, 100], gate, after: [build] });
    dag('main', [build, ...c]);
    expectTypeOf(c.done).toEqualTypeOf<Task>();
  });

  it('options', () => {
    // @ts-expect-error: a misspelt option
    canary({ name: 'web', stable: web, image, replicas: 10, gate, weight: [50] });
    // @ts-expect-error: the gate is required
    canary({ name: 'web', stable: web, image, replicas: 10 });
    // @ts-expect-error: the gate must be a perfCheck template (it has a mode)
    canary({ name: 'web', stable: web, image, replicas: 10, gate: healthy });
    // @ts-expect-error: the stable workload is a Deployment
    canary({ name: 'web', stable: { ...web, kind: 'StatefulSet' }, image, replicas: 10, gate });
  });
});

describe('promote', () => {
  it('reads the image from one workload and rolls it out to another', () => {
    const staging = { name: 'web', namespace: 'burger-staging' };
    const p = promote({ name: 'web', from: staging, to: web, approval: true });
    dag('main', [...p]);
  });

  it('options', () => {
    // @ts-expect-error: promote reads its image; it takes none
    promote({ name: 'web', from: web, to: web, image });
    // @ts-expect-error: to is required
    promote({ name: 'web', from: web });
    // @ts-expect-error: approval is a boolean
    promote({ name: 'web', from: web, to: web, approval: 'yes' });
  });
});

describe('rollback', () => {
  it('restores a revision and verifies it', () => {
    const r = rollback({ name: 'web', workload: web, toRevision: 2 });
    dag('main', [...r]);
  });

  it('options', () => {
    // @ts-expect-error: the option is 'toRevision'
    rollback({ name: 'web', workload: web, revision: 2 });
    // @ts-expect-error: workload is required
    rollback({ name: 'web' });
    // @ts-expect-error: a revision is a number
    rollback({ name: 'web', workload: web, toRevision: 'previous' });
  });
});

describe('statefulSetCanary', () => {
  const database = { name: 'database', namespace: 'burger-prod' };

  it('takes a StatefulSet, its replicas, steps and any gate callable without arguments', () => {
    const c = statefulSetCanary({ name: 'db', statefulSet: database, image, replicas: 5, steps: [1, 3], gate });
    dag('main', [build, ...c]);
    statefulSetCanary({ name: 'db', statefulSet: database, image, replicas: 5, gate: healthy });
  });

  it('options', () => {
    // @ts-expect-error: the option is 'statefulSet'
    statefulSetCanary({ name: 'db', statefulset: database, image, replicas: 5, gate });
    // @ts-expect-error: replicas is required
    statefulSetCanary({ name: 'db', statefulSet: database, image, gate });
    // @ts-expect-error: steps are pod counts
    statefulSetCanary({ name: 'db', statefulSet: database, image, replicas: 5, gate, steps: ['1'] });
  });
});

describe('daemonSetRolling', () => {
  const agents = { name: 'agents', namespace: 'burger-prod' };

  it('takes a DaemonSet, an image, and optionally its update strategy and a gate', () => {
    const d = daemonSetRolling({ name: 'agents', daemonSet: agents, image, maxSurge: 1, maxUnavailable: 0 });
    dag('main', [build, ...d]);
    daemonSetRolling({ name: 'agents', daemonSet: agents, image, gate });
  });

  it('options', () => {
    // @ts-expect-error: a misspelt option
    daemonSetRolling({ name: 'agents', daemonSet: agents, image, maxSurges: 1 });
    // @ts-expect-error: daemonSet is required
    daemonSetRolling({ name: 'agents', image });
    // @ts-expect-error: maxSurge is a number of pods or a percentage
    daemonSetRolling({ name: 'agents', daemonSet: agents, image, maxSurge: true });
  });
});
