import { beforeAll, describe, expect, it } from 'vitest';
import { argoGen, createdName, fakeKubelet, namespace, nodePhases, objectNames, workflow } from './cluster.js';

const OK = 'e2e-submit';
const FAIL = 'e2e-fail';
const SLOW = 'e2e-slow';

beforeAll(async () => {
  for (const ns of [OK, FAIL, SLOW]) {
    await namespace(ns);
    const r = await argoGen('apply', 'test/e2e/fixtures/canary.ts', '-n', ns);
    expect(r.stderr).toBe('');
  }
  // The fake kubelet fails every pod of task `perf` in this namespace, and keeps pods running 20 s in SLOW.
  await fakeKubelet(FAIL, { 'fail-tasks': 'perf' });
  await fakeKubelet(SLOW, { 'duration-ms': '20000' });
});

describe('argo-gen submit', () => {
  it('refuses wrong parameters before creating anything (exit 2)', async () => {
    const r = await argoGen('submit', 'e2e-canary', '-n', OK, '-p', 'revison=abc', '-p', 'env=dev', '--watch');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        "workflowtemplate/e2e-canary has no parameter 'revison' (did you mean 'revision'?) [submit/unknown-parameter]",
        "workflowtemplate/e2e-canary: parameter 'env' must be one of 'staging', 'prod' (got 'dev') [submit/parameter-not-in-enum]",
        "workflowtemplate/e2e-canary: parameter 'revision' is required (git revision to build); pass -p revision=<value> [submit/missing-parameter]",
        'nothing was submitted',
        '',
      ].join('\n'),
    );
    const malformed = await argoGen('submit', 'e2e-canary', '-n', OK, '-p', 'revision');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("-p 'revision': expected name=value [submit/bad-parameter]");
    expect(await objectNames('workflows', OK)).toEqual([]);
  });

  it('names a template that does not exist (exit 1)', async () => {
    const r = await argoGen('submit', 'e2e-nope', '-n', OK);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^workflowtemplate\/e2e-nope in namespace 'e2e-submit': not found: .*\[kube\/not-found\]\n$/,
    );
    expect(await objectNames('workflows', OK)).toEqual([]);
  });

  it('submits the canary pipeline and watches it reach Succeeded (exit 0)', async () => {
    const r = await argoGen('submit', 'e2e-canary', '-n', OK, '-p', 'revision=abc123', '--watch', '--timeout', '90s');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const name = createdName(r.stdout);
    expect(r.stdout).toMatch(new RegExp(`workflow/${name} Succeeded in \\d+s\\n$`));
    for (const task of ['build', 'canary', 'perf', 'promote']) expect(r.stdout).toContain(`  ${task} Succeeded`);
    expect(await nodePhases(name, OK)).toEqual({
      build: 'Succeeded',
      canary: 'Succeeded',
      perf: 'Succeeded',
      promote: 'Succeeded',
      rollback: 'Omitted',
    });
    const wf = (await workflow(name, OK)) as unknown as { spec: { arguments: { parameters: unknown[] } } };
    expect(wf.spec.arguments.parameters).toEqual([{ name: 'revision', value: 'abc123' }]);

    const get = await argoGen('get', 'wf', name, '-n', OK);
    expect(get.stdout).toMatch(new RegExp(`^workflow/${name}  Succeeded`));
    expect(get.stdout).toMatch(/✔ promote\s+Succeeded/);
  });

  it('with the perf gate failing, takes the rollback path (exit 1)', async () => {
    const r = await argoGen('submit', 'e2e-canary', '-n', FAIL, '-p', 'revision=abc123', '-p', 'env=prod', '--watch');
    const name = createdName(r.stdout);
    const phases = await nodePhases(name, FAIL);
    expect(phases).toEqual({
      build: 'Succeeded',
      canary: 'Succeeded',
      perf: 'Failed',
      rollback: 'Succeeded',
      promote: 'Omitted',
    });
    const final = (await workflow(name, FAIL)).status?.phase;
    expect(r.stdout).toContain(`workflow/${name} ${final} in`);
    expect(r.stdout).toContain('  perf Failed');
    expect(r.code).toBe(final === 'Succeeded' ? 0 : 1);
    expect(final).toBe('Failed');
  });

  it('gives up after --timeout with exit 3; the workflow keeps running and can be deleted', async () => {
    const r = await argoGen('submit', 'e2e-canary', '-n', SLOW, '-p', 'revision=abc', '--watch', '--timeout', '3s');
    expect(r.code).toBe(3);
    const name = createdName(r.stdout);
    expect(r.stderr).toContain(`workflow/${name} in namespace 'e2e-slow': still Running after 3s; it keeps running`);
    expect(r.stderr).toContain('[kube/timeout]');
    const del = await argoGen('delete', 'workflow', name, '-n', SLOW);
    expect(del.stdout).toBe(`workflow/${name} deleted\n`);
  });

  it('submits a Workflow from a YAML file, with -p overriding its declared parameter', async () => {
    const r = await argoGen('submit', 'test/e2e/fixtures/hello-workflow.yaml', '-n', OK, '-p', 'who=e2e', '--watch');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const name = createdName(r.stdout);
    expect(name).toMatch(/^e2e-hello-/);
    expect(await nodePhases(name, OK)).toEqual({ greet: 'Succeeded' });
    const bad = await argoGen('submit', 'test/e2e/fixtures/hello-workflow.yaml', '-n', OK, '-p', 'whom=x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("has no parameter 'whom' (did you mean 'who'?)");
  });
});
