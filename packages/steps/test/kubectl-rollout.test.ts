// The kubectl steps behind the StatefulSet canary and the DaemonSet update: rendered commands, what they do with the
// values they get (run with /bin/sh and a recording kubectl), hostile values, refusals.
import { describe, expect, it } from 'vitest';
import { kubectl, rolloutPermissions } from '../src/index.js';
import { HOSTILE, runShell, substitute } from './hostile.js';
import { rendered } from './render.js';

const database = { name: 'database', namespace: 'burger-prod' } as const;
const argv = (t: ReturnType<typeof rendered>) => [...(t.container?.command ?? []), ...(t.container?.args ?? [])];

describe('kubectl.partition', () => {
  const t = rendered(kubectl.partition({ statefulSet: database }));

  it('is named for its StatefulSet and takes the partition as a required input', () => {
    expect(t.name).toBe('partition-burger-prod-database');
    expect(t.inputs?.parameters).toEqual([
      { name: 'partition', description: 'Pods below this index keep their template' },
    ]);
    expect(rendered(kubectl.partition({ statefulSet: database, partition: 2 })).inputs?.parameters?.[0]?.default).toBe(
      '2',
    );
  });

  it('patches the partition (and the RollingUpdate type) with one kubectl call', () => {
    const r = runShell(argv(substitute(t, { partition: '3' })), {}, ['kubectl']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      [
        'kubectl',
        'patch',
        'statefulset/database',
        '--namespace=burger-prod',
        '--type=merge',
        '--patch={"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}',
      ],
    ]);
    expect(runShell(argv(substitute(t, { partition: '0' })), {}, ['kubectl']).calls[0]?.at(-1)).toBe(
      '--patch={"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}',
    );
  });

  it.each([...HOSTILE, '', '-1', '1.5', '07', '3 '])('refuses %j before kubectl runs', (value) => {
    const r = runShell(argv(substitute(t, { partition: value })), {}, ['kubectl']);
    expect(r.code).toBe(2);
    expect(r.calls).toEqual([]);
    expect(r.stdout).not.toContain('INJECTED');
  });
});

describe('kubectl.releaseStuckPods', () => {
  const t = rendered(kubectl.releaseStuckPods({ statefulSet: database, timeout: '2m' }));
  const get = (path: string) => `kubectl get statefulset/database --namespace=burger-prod -o jsonpath={${path}}`;
  const pod = (n: number) =>
    `kubectl get pod/database-${n} --namespace=burger-prod --ignore-not-found -o jsonpath={.metadata.name} {.status.conditions[?(@.type=="Ready")].status}`;
  const cluster = (start: string, pods: Record<number, string>) => ({
    [get('.metadata.generation')]: '7',
    [get('.spec.replicas')]: '4',
    [get('.spec.updateStrategy.rollingUpdate.partition')]: '2',
    [get('.spec.ordinals.start')]: start,
    ...Object.fromEntries(Object.entries(pods).map(([n, state]) => [pod(Number(n)), state])),
  });
  const deletes = (calls: string[][]) => calls.filter((c) => c[1] === 'delete').map((c) => c[2]);

  it('waits for the controller to observe the template, then deletes only the not-Ready pods at or above the partition', () => {
    // database-0 is not Ready but below the partition (it keeps the old template): it is left alone.
    const r = runShell(argv(t), {}, ['kubectl'], cluster('', { 2: 'database-2 True', 3: 'database-3 False' }));
    expect(r.code).toBe(0);
    expect(r.calls[1]).toEqual([
      'kubectl',
      'wait',
      'statefulset/database',
      '--namespace=burger-prod',
      '--timeout=2m',
      '--for=jsonpath={.status.observedGeneration}=7',
    ]);
    expect(r.calls.filter((c) => c[1] === 'get' && c[2]?.startsWith('pod/')).map((c) => c[2])).toEqual([
      'pod/database-2',
      'pod/database-3',
    ]);
    expect(deletes(r.calls)).toEqual(['pod/database-3']);
    expect(r.calls.find((c) => c[1] === 'delete')).toEqual([
      'kubectl',
      'delete',
      'pod/database-3',
      '--namespace=burger-prod',
      '--ignore-not-found',
      '--wait=false',
    ]);
  });

  it('counts ordinals from spec.ordinals.start, deletes a pod without a Ready condition, skips a missing one', () => {
    const r = runShell(argv(t), {}, ['kubectl'], cluster('10', { 12: 'database-12 ', 13: '' }));
    expect(r.code).toBe(0);
    expect(deletes(r.calls)).toEqual(['pod/database-12']);
  });
});

describe('kubectl.daemonSetUpdate', () => {
  const agent = { name: 'log-agent', namespace: 'burger-prod' } as const;
  const patch = (o: { maxUnavailable?: number | string; maxSurge?: number | string }) =>
    rendered(kubectl.daemonSetUpdate({ daemonSet: agent, ...o })).container?.args;

  it('writes both limits, defaulting to the Kubernetes default or to 0 beside a surge', () => {
    const body = (u: unknown, s: unknown) =>
      `--patch={"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":${JSON.stringify(u)},"maxSurge":${JSON.stringify(s)}}}}}`;
    expect(patch({})).toEqual(['patch', 'daemonset/log-agent', '--namespace=burger-prod', '--type=merge', body(1, 0)]);
    expect(patch({ maxSurge: 1 })?.at(-1)).toBe(body(0, 1));
    expect(patch({ maxUnavailable: '25%' })?.at(-1)).toBe(body('25%', 0));
  });

  it('refuses what the API server would (exactly one of the two non-zero), and values that are not counts or percentages', () => {
    expect(() => patch({ maxUnavailable: 1, maxSurge: '10%' })).toThrow(
      'step \'kubectl.daemonSetUpdate\': maxSurge may not be set when maxUnavailable is non-zero (got maxUnavailable 1, maxSurge "10%")',
    );
    expect(() => patch({ maxUnavailable: '0%' })).toThrow(
      "step 'kubectl.daemonSetUpdate': maxUnavailable cannot be 0 when maxSurge is 0: the update could never replace a pod",
    );
    expect(() => patch({ maxSurge: '150%' })).toThrow(
      'step \'kubectl.daemonSetUpdate\': maxSurge must be a percentage from 0% to 100% (got "150%")',
    );
    expect(() => patch({ maxUnavailable: -1 })).toThrow(
      "step 'kubectl.daemonSetUpdate': maxUnavailable must be at least 0 (got -1)",
    );
    expect(() => patch({ maxUnavailable: true as never })).toThrow(
      "step 'kubectl.daemonSetUpdate': maxUnavailable must be a number of pods (0, 1, …) or a percentage ('25%') (got true)",
    );
  });
});

describe('rolloutPermissions', () => {
  // What each recorded kubectl call asks of the API server: `get` reads one object, `wait` reads, lists and watches
  // it, `patch` (which kubectl sends without reading first) and `delete` write. Every need must be declared, and
  // nothing else.
  const needs = (calls: string[][]) =>
    new Set(
      calls.flatMap(([, verb, target]) => {
        const resource = { statefulset: 'statefulsets', pod: 'pods', daemonset: 'daemonsets' }[
          (target ?? '').split('/')[0] as 'pod'
        ];
        const verbs = verb === 'wait' ? ['get', 'list', 'watch'] : [verb];
        return verbs.map((v) => `${resource}:${v}`);
      }),
    );
  const declared = (rules: readonly { resource: string; verbs: readonly string[] }[]) =>
    new Set(rules.flatMap((r) => r.verbs.map((v) => `${r.resource}:${v}`)));

  it('declare exactly what the steps call', () => {
    const partition = runShell(
      argv(substitute(rendered(kubectl.partition({ statefulSet: database })), { partition: '1' })),
      {},
      ['kubectl'],
    );
    expect(needs(partition.calls)).toEqual(declared(rolloutPermissions.partition));

    const release = rendered(kubectl.releaseStuckPods({ statefulSet: database }));
    const answers = {
      'kubectl get statefulset/database --namespace=burger-prod -o jsonpath={.spec.replicas}': '1',
      'kubectl get pod/database-0 --namespace=burger-prod --ignore-not-found -o jsonpath={.metadata.name} {.status.conditions[?(@.type=="Ready")].status}':
        'database-0 False',
    };
    expect(needs(runShell(argv(release), {}, ['kubectl'], answers).calls)).toEqual(
      declared(rolloutPermissions.releaseStuckPods),
    );

    const ds = rendered(kubectl.daemonSetUpdate({ daemonSet: { name: 'a', namespace: 'n' } }));
    expect(needs([argv(ds)])).toEqual(declared(rolloutPermissions.daemonSetUpdate));
  });
});
