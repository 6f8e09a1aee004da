// The DaemonSet rolling update's rollback path on the real controller (test/e2e/fixtures/daemonset-rolling.ts). As in
// burger-canary.test.ts, the fake kubelet runs no container: each step succeeds unless the test lists it in
// `fail-tasks`, and what is tested is the graph Argo walks.
import { beforeAll, describe, expect, it } from 'vitest';
import { argoGen, createdName, fakeKubelet, namespace, nodePhases, serviceAccount, workflow } from './cluster.js';

const NS = 'e2e-daemonset';

async function run(failTasks: string): Promise<{ phase: string; phases: Record<string, string> }> {
  await fakeKubelet(NS, { 'fail-tasks': failTasks });
  const r = await argoGen('submit', 'e2e-daemonset-rolling', '-n', NS, '-p', 'image=registry.example/agent@sha256:a2');
  expect(r.stderr).toBe('');
  const name = createdName(r.stdout);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const phase = (await workflow(name, NS)).status?.phase;
    if (phase && phase !== 'Running' && phase !== 'Pending') return { phase, phases: await nodePhases(name, NS) };
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name} to finish`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

beforeAll(async () => {
  await namespace(NS);
  await serviceAccount(NS, 'burger-executor');
  const r = await argoGen('apply', 'test/e2e/fixtures/daemonset-rolling.ts', '-n', NS);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('daemonSetRolling on the controller', () => {
  it('sets the limits and the image, waits, gates, and rolls nothing back when all pass', {
    timeout: 240_000,
  }, async () => {
    const { phase, phases } = await run('');
    expect(phase).toBe('Succeeded');
    for (const t of ['agent-stable-image', 'agent-strategy', 'agent-set-image', 'agent-ready', 'agent-gate'])
      expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
    for (const t of ['agent-rollback-image', 'agent-rollback-ready', 'agent-rolled-back'])
      expect(`${t}=${phases[t] ?? 'Omitted'}`).toBe(`${t}=Omitted`);
  });

  it.each([
    ['the rollout does not complete', 'agent-ready'],
    ['the gate fails', 'agent-gate'],
  ])('sets the image read before back and fails when %s', { timeout: 240_000 }, async (_why, failing) => {
    // The fail step that ends the rollback really exits 1.
    const { phase, phases } = await run(`${failing},agent-rolled-back`);
    expect(phase).toBe('Failed');
    expect(phases[failing]).toBe('Failed');
    for (const t of ['agent-rollback-image', 'agent-rollback-ready'])
      expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
    expect(phases['agent-rolled-back']).toBe('Failed');
    if (failing === 'agent-ready') expect(phases['agent-gate'] ?? 'Omitted').toBe('Omitted');
  });
});
