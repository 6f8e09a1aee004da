import { beforeAll, describe, expect, it } from 'vitest';
import { argoGen, createdName, fakeKubelet, namespace, nodePhases, workflow } from './cluster.js';

const NS = 'e2e-continue-on';

beforeAll(async () => {
  await namespace(NS);
  const r = await argoGen('apply', 'test/e2e/fixtures/continue-on.ts', '-n', NS);
  expect(r.stderr).toBe('');
  // The fake kubelet fails every pod of these tasks in this namespace.
  await fakeKubelet(NS, { 'fail-tasks': 'flaky,flaky-leaf' });
});

describe('continueOn in a DAG with dependencies, on the cluster', () => {
  it('is accepted by the API server and Argo, runs the dependent of a failed task, and the workflow succeeds', async () => {
    const r = await argoGen('submit', 'e2e-continue-on', '-n', NS, '--watch', '--timeout', '90s');
    const name = createdName(r.stdout);
    expect(await nodePhases(name, NS)).toEqual({
      first: 'Succeeded',
      flaky: 'Failed',
      'after-flaky': 'Succeeded',
      'flaky-leaf': 'Failed',
    });
    expect((await workflow(name, NS)).status?.phase).toBe('Succeeded');
    expect(r.code).toBe(0);
  });
});
