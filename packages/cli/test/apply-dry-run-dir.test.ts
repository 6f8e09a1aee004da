import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { runCli } from './run-cli.js';

const SCRATCH = path.join(REPO_ROOT, '.cache', 'test-apply-dry-run');
mkdirSync(SCRATCH, { recursive: true });
const dir = mkdtempSync(path.join(SCRATCH, 'd'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (kind: string, id: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata:\n  ${id}\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine:3.20\n`;

describe('apply --dry-run=client over a directory', () => {
  it('checks every file and reports each, the Workflows among them (which apply does not take), exit 1', async () => {
    // Files are read in name order: a Workflow first, then templates, then a second Workflow, in two documents.
    writeFileSync(path.join(dir, 'a-run.yaml'), doc('Workflow', 'generateName: run-'));
    writeFileSync(path.join(dir, 'b-template.yaml'), doc('WorkflowTemplate', 'name: b'));
    writeFileSync(
      path.join(dir, 'c-more.yaml'),
      `${doc('Workflow', 'name: once')}---\n${doc('WorkflowTemplate', 'name: c')}`,
    );
    const r = await runCli(
      ['--kubeconfig', '/nonexistent', 'apply', path.relative(REPO_ROOT, dir), '--dry-run=client', '--security=off'],
      REPO_ROOT,
    );
    expect(r.stdout).toBe(
      'workflowtemplate/b valid (client dry run: nothing sent)\nworkflowtemplate/c valid (client dry run: nothing sent)\n',
    );
    const rel = path.relative(REPO_ROOT, dir).split(path.sep).join('/');
    expect(r.stderr).toBe(
      `${rel}/a-run.yaml#1: workflow/run-: Workflows are submitted, not applied; use argo-gen submit [kube/not-applicable]\n` +
        `${rel}/c-more.yaml#1: workflow/once: Workflows are submitted, not applied; use argo-gen submit [kube/not-applicable]\n`,
    );
    expect(r.code).toBe(1);
  });

  it('without --dry-run, names every object it cannot apply before connecting (nothing sent)', async () => {
    const r = await runCli(['--kubeconfig', '/nonexistent', 'apply', path.relative(REPO_ROOT, dir)], REPO_ROOT);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.includes('[kube/not-applicable]'))).toHaveLength(2);
    expect(r.stderr).not.toContain('nonexistent');
    expect(r.code).toBe(1);
  });
});
