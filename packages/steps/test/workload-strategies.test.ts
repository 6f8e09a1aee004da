// The StatefulSet canary (by partition) and the DaemonSet rolling update: their graphs, the values each step gets,
// their refusals, and the security lint in strict mode over a whole WorkflowTemplate built from them.
import { container, dag, inputs, param, synth, task, workflowTemplate } from '@argo-gen/dsl';
import { lintSecurity } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { daemonSetRolling, kaniko, perfCheck, statefulSetCanary } from '../src/index.js';
import { argsOf, shape, templatesOf } from './render.js';

const database = { name: 'database', namespace: 'burger-prod' } as const;
const gate = perfCheck({ name: 'db-gate', target: { url: 'http://backend.burger-prod' }, thresholds: { p95Ms: 300 } });

describe('statefulSetCanary', () => {
  const build = task('build', kaniko({ context: { dir: '/src' }, destinations: ['r.example.com/database'] }));
  const c = statefulSetCanary({
    name: 'db',
    statefulSet: database,
    image: build.outputs.parameters.image,
    replicas: 5,
    steps: [1, 3],
    gate,
    after: [build],
    serviceAccountName: 'deployer',
  });

  it('holds every pod, sets the image, lowers the partition step by step with a gate each, then releases all', () => {
    const s = shape([build, ...c]);
    expect(s.slice(0, 12)).toEqual([
      ['build', 'kaniko', undefined],
      ['db-stable-image', 'db-read-image', 'build'],
      ['db-hold', 'db-partition', 'db-stable-image'],
      ['db-canary-image', 'db-set-image', 'db-hold && build'],
      ['db-1-partition', 'db-partition', 'db-canary-image'],
      ['db-1-ready', 'db-status', 'db-1-partition'],
      ['db-1-gate', 'db-gate', 'db-1-ready'],
      ['db-3-partition', 'db-partition', 'db-1-gate'],
      ['db-3-ready', 'db-status', 'db-3-partition'],
      ['db-3-gate', 'db-gate', 'db-3-ready'],
      ['db-promote', 'db-partition', 'db-3-gate'],
      ['db-promote-ready', 'db-status', 'db-promote'],
    ]);
    const a = argsOf([build, ...c]);
    expect(['db-hold', 'db-1-partition', 'db-3-partition', 'db-promote'].map((n) => a.get(n)?.partition)).toEqual([
      '5',
      '4',
      '2',
      '0',
    ]);
    expect(a.get('db-canary-image')?.image).toBe('{{tasks.build.outputs.parameters.image}}');
    expect(c.done.name).toBe('db-promote-ready');
  });

  it('rolls back from any failure after the hold: the image read before, stuck pods, partition 0, rollout, fail', () => {
    const s = shape([build, ...c]);
    const depends = new Map(s.map(([n, , d]) => [n, d]));
    const on = (depends.get('db-rollback-image') ?? '').replace(/^\((.*)\) && db-stable-image$/, '$1').split(' || ');
    const watched = ['db-canary-image', 'db-1-partition', 'db-1-ready', 'db-1-gate', 'db-3-partition', 'db-3-ready'];
    for (const t of [...watched, 'db-3-gate', 'db-promote', 'db-promote-ready'])
      expect(on).toEqual(expect.arrayContaining([`${t}.Failed`, `${t}.Errored`]));
    expect(on).toHaveLength(2 * 9);
    expect(on.some((d) => d.startsWith('db-hold.') || d.startsWith('db-stable-image.'))).toBe(false);
    expect(s.slice(-4)).toEqual([
      ['db-rollback-pods', 'db-release-stuck-pods', 'db-rollback-image'],
      ['db-rollback-partition', 'db-partition', 'db-rollback-pods'],
      ['db-rollback-ready', 'db-status', 'db-rollback-partition'],
      [
        'db-rolled-back',
        'db-rolled-back',
        'db-rollback-ready.Succeeded || db-rollback-ready.Failed || db-rollback-ready.Errored',
      ],
    ]);
    const a = argsOf([build, ...c]);
    expect(a.get('db-rollback-image')?.image).toBe('{{tasks.db-stable-image.outputs.parameters.image}}');
    expect(a.get('db-rollback-partition')?.partition).toBe('0');
  });

  it('acts on the StatefulSet in its namespace with the given account', () => {
    const t = templatesOf([build, ...c]);
    expect(t.get('db-set-image')?.container?.args).toEqual([
      'set',
      'image',
      'statefulset/database',
      'database={{inputs.parameters.image}}',
      '--namespace=burger-prod',
    ]);
    expect(t.get('db-status')?.container?.args).toContain('statefulset/database');
    expect(t.get('db-read-image')?.container?.args).toContain('statefulset/database');
    for (const name of ['db-read-image', 'db-set-image', 'db-partition', 'db-status', 'db-release-stuck-pods'])
      expect(`${name}: ${t.get(name)?.serviceAccountName}`).toBe(`${name}: deployer`);
    expect(t.get('db-rolled-back')?.container?.command?.at(-1)).toBe(
      'canary of statefulset/database in burger-prod failed; rolled back',
    );
  });

  it('defaults to one canary pod', () => {
    const one = statefulSetCanary({ name: 'db', statefulSet: database, image: 'r/db:1', replicas: 3, gate });
    expect(
      shape(one)
        .map(([n]) => n)
        .filter((n) => /^db-\d/.test(n)),
    ).toEqual(['db-1-partition', 'db-1-ready', 'db-1-gate']);
    expect(argsOf(one).get('db-1-partition')?.partition).toBe('2');
  });

  it('refuses steps that would update every pod or go backwards, gates that never fail or need arguments', () => {
    const base = { name: 'db', statefulSet: database, image: 'r/db:1', replicas: 3, gate } as const;
    expect(() => statefulSetCanary({ ...base, steps: [1, 3] })).toThrow(
      "strategy 'statefulSetCanary': steps[1] must be fewer than replicas (got 3 of 3); the update of every pod follows the last step",
    );
    expect(() => statefulSetCanary({ ...base, steps: [2, 1] })).toThrow(
      "strategy 'statefulSetCanary': steps must be ascending (got [2,1])",
    );
    expect(() => statefulSetCanary({ ...base, replicas: 1 })).toThrow(
      "strategy 'statefulSetCanary': replicas must be at least 2 (got 1)",
    );
    const report = perfCheck({ name: 'r', target: { url: 'http://x' }, thresholds: { p95Ms: 1 }, mode: 'report' });
    expect(() => statefulSetCanary({ ...base, gate: report })).toThrow(
      "strategy 'statefulSetCanary': gate 'r' is in 'report' mode, so it never fails and the rollback could never run",
    );
    const i = inputs({ host: param.string() });
    const needsArgs = container('probe', { image: 'r/p:1', args: [i.host] }, { inputs: i });
    // @ts-expect-error a gate is called without arguments, so every input needs a default
    expect(() => statefulSetCanary({ ...base, gate: needsArgs })).toThrow(
      "strategy 'statefulSetCanary': gate must be a template whose inputs all have defaults, such as perfCheck() (got",
    );
    // @ts-expect-error the strategy names its kind itself
    expect(() => statefulSetCanary({ ...base, statefulSet: { ...database, kind: 'Deployment' } })).toThrow(
      "strategy 'statefulSetCanary': statefulSet: unknown option 'kind'",
    );
  });
});

describe('daemonSetRolling', () => {
  const agent = { name: 'log-agent', namespace: 'burger-prod' } as const;

  it('sets the limits, the image, waits, gates; on a failed rollout or gate sets the old image back and fails', () => {
    const d = daemonSetRolling({ name: 'agent', daemonSet: agent, image: 'r/agent:2', maxSurge: 1, gate });
    const s = shape(d);
    expect(s).toEqual([
      ['agent-stable-image', 'agent-read-image', undefined],
      ['agent-strategy', 'agent-update-strategy', 'agent-stable-image'],
      ['agent-set-image', 'agent-set-image', 'agent-strategy'],
      ['agent-ready', 'agent-status', 'agent-set-image'],
      ['agent-gate', 'db-gate', 'agent-ready'],
      [
        'agent-rollback-image',
        'agent-set-image',
        '(agent-ready.Failed || agent-ready.Errored || agent-gate.Failed || agent-gate.Errored) && agent-stable-image',
      ],
      ['agent-rollback-ready', 'agent-status', 'agent-rollback-image'],
      [
        'agent-rolled-back',
        'agent-rolled-back',
        'agent-rollback-ready.Succeeded || agent-rollback-ready.Failed || agent-rollback-ready.Errored',
      ],
    ]);
    expect(d.done.name).toBe('agent-gate');
    const t = templatesOf(d);
    expect(t.get('agent-update-strategy')?.container?.args?.at(-1)).toBe(
      '--patch={"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":1}}}}',
    );
    expect(t.get('agent-status')?.container?.args?.slice(0, 3)).toEqual(['rollout', 'status', 'daemonset/log-agent']);
    expect(argsOf(d).get('agent-rollback-image')?.image).toBe('{{tasks.agent-stable-image.outputs.parameters.image}}');
  });

  it("without limits leaves the DaemonSet's own strategy alone; without a gate, the rollout status is the check", () => {
    const d = daemonSetRolling({ name: 'agent', daemonSet: agent, image: 'r/agent:2' });
    expect(shape(d).map(([n, , dep]) => `${n} <- ${dep}`)).toEqual([
      'agent-stable-image <- undefined',
      'agent-set-image <- agent-stable-image',
      'agent-ready <- agent-set-image',
      'agent-rollback-image <- (agent-ready.Failed || agent-ready.Errored) && agent-stable-image',
      'agent-rollback-ready <- agent-rollback-image',
      'agent-rolled-back <- agent-rollback-ready.Succeeded || agent-rollback-ready.Failed || agent-rollback-ready.Errored',
    ]);
    expect(d.done.name).toBe('agent-ready');
  });

  it('refuses limits Kubernetes would refuse, before anything is generated', () => {
    expect(() =>
      daemonSetRolling({ name: 'agent', daemonSet: agent, image: 'r/a:1', maxUnavailable: 2, maxSurge: 1 }),
    ).toThrow("step 'kubectl.daemonSetUpdate': maxSurge may not be set when maxUnavailable is non-zero");
    expect(() => daemonSetRolling({ name: 'agent', daemonSet: agent, image: 'r/a:1', maxSurge: '101%' })).toThrow(
      'strategy \'daemonSetRolling\': maxSurge must be a percentage from 0% to 100% (got "101%")',
    );
  });
});

describe('the strategies pass the security lint in strict mode', () => {
  const strategies = {
    statefulSetCanary: statefulSetCanary({
      name: 'db',
      statefulSet: database,
      image: 'r/db@sha256:1',
      replicas: 3,
      gate,
      serviceAccountName: 'deployer',
    }),
    daemonSetRolling: daemonSetRolling({
      name: 'agent',
      daemonSet: { name: 'agent', namespace: 'burger-prod' },
      image: 'r/agent@sha256:1',
      maxUnavailable: '10%',
      gate,
      serviceAccountName: 'deployer',
    }),
  };
  it.each(Object.entries(strategies))('%s', (_name, tasks) => {
    const doc = synth(
      workflowTemplate('probe', {
        entrypoint: dag('main', tasks),
        spec: { executor: { serviceAccountName: 'executor' }, serviceAccountName: 'runner' },
      }),
    );
    expect(lintSecurity(doc, { mode: 'strict' }).map((i) => `${i.code} ${i.path}: ${i.message}`)).toEqual([]);
  });
});
