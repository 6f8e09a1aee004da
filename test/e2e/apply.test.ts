import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyObjects, connect } from '@argo-gen/kube';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';
import { ADMIN_KUBECONFIG, argoGen, DEV_KUBECONFIG, namespace, objectNames } from './cluster.js';

const NS = 'e2e-apply';
const FIXTURES = ['test/e2e/fixtures/canary.ts', 'test/e2e/fixtures/hello.yaml'];
const SCRATCH = path.join(REPO_ROOT, '.cache', 'e2e');

function scratch(name: string, text: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(path.join(SCRATCH, name), text);
  return path.relative(REPO_ROOT, path.join(SCRATCH, name));
}

beforeAll(async () => {
  await namespace(NS);
  await namespace('e2e-rbac');
});

describe('argo-gen apply', () => {
  it('creates, then reports unchanged, then configured for an edited object', async () => {
    const first = await argoGen('apply', ...FIXTURES, '-n', NS);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      'workflowtemplate/e2e-canary created\nworkflowtemplate/e2e-hello created\ncronworkflow/e2e-nightly created\n',
    );
    expect(first.code).toBe(0);
    expect(await objectNames('workflowtemplates', NS)).toEqual(['e2e-canary', 'e2e-hello']);

    const again = await argoGen('apply', ...FIXTURES, '-n', NS);
    expect(again.stdout).toBe(
      'workflowtemplate/e2e-canary unchanged\nworkflowtemplate/e2e-hello unchanged\ncronworkflow/e2e-nightly unchanged\n',
    );
    expect(again.code).toBe(0);

    const edited = scratch(
      'hello-edited.yaml',
      'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: e2e-hello\nspec:\n  entrypoint: main\n' +
        '  templates:\n    - name: main\n      container:\n        image: alpine:3.21\n        command: [echo, hello]\n',
    );
    const dry = await argoGen('apply', edited, '-n', NS, '--dry-run=server');
    expect(dry.stdout).toBe('workflowtemplate/e2e-hello configured (server dry run)\n');
    const changed = await argoGen('apply', edited, 'test/e2e/fixtures/canary.ts', '-n', NS);
    expect(changed.stdout).toBe('workflowtemplate/e2e-canary unchanged\nworkflowtemplate/e2e-hello configured\n');
  });

  it('applies the Burger Stack templates, then finds them unchanged', async () => {
    await namespace('burger-ci');
    const templates = ['build', 'configure', 'deploy-canary', 'deploy-rolling', 'perf-monitor', 'pipeline', 'rollback'];
    const files = templates.map((t) => `templates/${t}.ts`);
    const first = await argoGen('apply', ...files);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(templates.length);
    for (const l of lines) expect(l).toMatch(/^workflowtemplate\/[a-z0-9-]+ created$/);
    const again = await argoGen('apply', ...files);
    expect(again.stdout.trim().split('\n')).toEqual(lines.map((l) => l.replace(/created$/, 'unchanged')));
  });

  it('server dry run: the API server rejects what our validator lets through, with its own message, and stores nothing', async () => {
    // The total size of the annotations (256 KiB) is checked by the API server's object-meta validation; our
    // validator does not look at it.
    const bad = scratch(
      'big-annotation.yaml',
      'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: e2e-big-annotation\n  annotations:\n' +
        `    note: "${'x'.repeat(300_000)}"\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n` +
        '      container:\n        image: alpine:3.20\n',
    );
    expect((await argoGen('apply', bad, '-n', NS, '--dry-run=client')).code).toBe(0);
    const r = await argoGen('apply', bad, '-n', NS, '--dry-run=server');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'workflowtemplate/e2e-big-annotation not applied: rejected by the API server: WorkflowTemplate.argoproj.io "e2e-big-annotation" is invalid: [metadata.annotations: Too long: may not be more than 262144 bytes',
    );
    expect(r.stderr).toContain('[kube/invalid]');
    expect(r.stderr).toContain('0 of 1 object(s) applied, 1 not');
    expect(await objectNames('workflowtemplates', NS)).not.toContain('e2e-big-annotation');
  });

  it('server dry run: a raw object that bypasses our validation gets the CRD schema error', async () => {
    const kube = connect({ kubeconfig: ADMIN_KUBECONFIG });
    const raw = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'e2e-raw' },
      spec: { entrypoint: 42, templates: [] },
    };
    const [result] = await applyObjects(kube, [raw], { namespace: NS, dryRun: true });
    expect(result && 'error' in result ? result.error.code : result).toBe('kube/invalid');
    expect(result && 'error' in result ? result.error.message : '').toMatch(/spec\.entrypoint/);
    expect(await objectNames('workflowtemplates', NS)).not.toContain('e2e-raw');
  });

  it('a user without RBAC rights gets the forbidden message and exit 1, and nothing is created', async () => {
    const r = await argoGen('--kubeconfig', DEV_KUBECONFIG, 'apply', ...FIXTURES, '-n', 'e2e-rbac');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'workflowtemplate/e2e-canary not applied: forbidden: workflowtemplates.argoproj.io "e2e-canary" is forbidden: User "test-dev" cannot get resource "workflowtemplates" in API group "argoproj.io" in the namespace "e2e-rbac"',
    );
    expect(r.stderr).toContain(
      "ask a cluster admin for 'get' on workflowtemplates.argoproj.io in namespace 'e2e-rbac'",
    );
    expect(r.stderr).toContain('[kube/forbidden]');
    expect(r.stderr).toContain('0 of 3 object(s) applied, 3 not');
    expect(await objectNames('workflowtemplates', 'e2e-rbac')).toEqual([]);
    expect(await objectNames('cronworkflows', 'e2e-rbac')).toEqual([]);
  });

  it('list, get and delete', async () => {
    const list = await argoGen('list', 'wftmpl', '-n', NS);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+STATUS\s+AGE\ne2e-canary\s/);
    const cron = await argoGen('list', 'cronworkflows', '-n', NS);
    expect(cron.stdout).toMatch(/e2e-nightly\s+0 3 \* \* \*/);
    const get = await argoGen('get', 'workflowtemplate', 'e2e-canary', '-n', NS, '-o', 'json');
    expect(get.code).toBe(0);
    const obj = JSON.parse(get.stdout) as { metadata: { name: string; managedFields?: unknown } };
    expect(obj.metadata.name).toBe('e2e-canary');
    expect(obj.metadata.managedFields).toBeUndefined();
    const del = await argoGen('delete', 'cwf', 'e2e-nightly', '-n', NS);
    expect(del.stdout).toBe('cronworkflow/e2e-nightly deleted\n');
    const gone = await argoGen('get', 'cwf', 'e2e-nightly', '-n', NS);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(
      /^cronworkflow\/e2e-nightly in namespace 'e2e-apply': not found: .*\[kube\/not-found\]\n$/,
    );
    const kind = await argoGen('list', 'pods');
    expect(kind.code).toBe(2);
  });
});
