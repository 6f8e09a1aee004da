// The API server as the oracle for what the StatefulSet and DaemonSet steps send. Each step's container command is
// run with /bin/sh and a kubectl that records its arguments (the hostile-value harness of packages/steps); the patch
// it would send is then sent, as the admin, to a real StatefulSet or DaemonSet, and the API server's validation and
// the stored object say whether it means what the step says. (No controller-manager runs, so no pod moves: this is
// about the objects, the rollout itself is covered by burger-canary.test.ts and daemonset-rolling.test.ts.)

import { kubectl } from '@argo-gen/steps';
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShell, substitute } from '../../packages/steps/test/hostile.js';
import { rendered } from '../../packages/steps/test/render.js';
import { ADMIN_KUBECONFIG, namespace } from './cluster.js';

const NS = 'e2e-workload-patches';
const kc = new KubeConfig();
kc.loadFromFile(ADMIN_KUBECONFIG);
const apps = kc.makeApiClient(AppsV1Api);
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

const labels = { app: 'database' };
const podTemplate = (name: string) => ({
  metadata: { labels: { app: name } },
  spec: { containers: [{ name, image: `registry.example/${name}@sha256:1` }] },
});

/** The `--patch=` argument kubectl gets from a step, after Argo substituted `values` into it. */
function patchOf(template: ReturnType<typeof rendered>, values: Record<string, string> = {}): unknown {
  const c = substitute(template, values).container;
  const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
  const calls = argv[0] === 'sh' ? runShell(argv, {}, ['kubectl']).calls : [argv];
  expect(calls).toHaveLength(1);
  const arg = calls[0]?.find((a) => a.startsWith('--patch='));
  return JSON.parse(arg?.slice('--patch='.length) ?? 'null');
}

/** The API server's answer to a merge patch: the stored object, or its refusal's message. */
async function send(kind: 'statefulset' | 'daemonset', name: string, body: unknown): Promise<unknown> {
  try {
    return kind === 'statefulset'
      ? (await apps.patchNamespacedStatefulSet({ name, namespace: NS, body }, merge)).spec?.updateStrategy
      : (await apps.patchNamespacedDaemonSet({ name, namespace: NS, body }, merge)).spec?.updateStrategy;
  } catch (e) {
    return `refused: ${String((e as { body?: string }).body ?? e)}`;
  }
}

beforeAll(async () => {
  await namespace(NS);
  await apps.createNamespacedStatefulSet({
    namespace: NS,
    body: {
      metadata: { name: 'database' },
      spec: {
        replicas: 3,
        serviceName: 'database',
        selector: { matchLabels: labels },
        template: podTemplate('database'),
      },
    },
  });
  await apps.createNamespacedDaemonSet({
    namespace: NS,
    body: {
      metadata: { name: 'node-agent' },
      spec: { selector: { matchLabels: { app: 'node-agent' } }, template: podTemplate('node-agent') },
    },
  });
});

describe('kubectl.partition against the API server', () => {
  const step = rendered(kubectl.partition({ statefulSet: { name: 'database', namespace: NS } }));

  it.each([3, 2, 0])('partition %i is stored as the StatefulSet rolling update partition', async (n) => {
    expect(await send('statefulset', 'database', patchOf(step, { partition: String(n) }))).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: n },
    });
  });
});

describe('kubectl.daemonSetUpdate against the API server', () => {
  const step = (o: { maxUnavailable?: number | string; maxSurge?: number | string }) =>
    rendered(kubectl.daemonSetUpdate({ daemonSet: { name: 'node-agent', namespace: NS }, ...o }));

  it.each([
    [{ maxSurge: 1 }, { maxUnavailable: 0, maxSurge: 1 }],
    [{ maxUnavailable: '25%' }, { maxUnavailable: '25%', maxSurge: 0 }],
    [{ maxSurge: '10%' }, { maxUnavailable: 0, maxSurge: '10%' }],
    [{}, { maxUnavailable: 1, maxSurge: 0 }],
  ])('%j is accepted and stored as written', async (options, stored) => {
    expect(await send('daemonset', 'node-agent', patchOf(step(options)))).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: stored,
    });
  });

  it.each([
    [{ maxUnavailable: 1, maxSurge: 1 }, 'may not be set when maxUnavailable is non-zero'],
    [{ maxUnavailable: '0%', maxSurge: 0 }, 'cannot be 0 when maxSurge is 0'],
  ])('what the step refuses (%j), the API server refuses too', async (limits, message) => {
    expect(() => step(limits)).toThrow(message);
    const body = { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: limits } } };
    expect(await send('daemonset', 'node-agent', body)).toContain(message);
  });
});
