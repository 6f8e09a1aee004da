import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { parseDuration } from '../src/kube/duration.js';
import { plainView, renderTable } from '../src/kube/progress-view.js';
import { table } from '../src/kube/tables.js';
import { runCli } from './run-cli.js';

const argoGen = (...args: string[]) => runCli(args, REPO_ROOT);

const SCRATCH = path.join(REPO_ROOT, '.cache', 'test-cluster-commands');
function file(name: string, text: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(path.join(SCRATCH, name), text);
  return path.join(SCRATCH, name);
}
const WT =
  'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: t\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine:3.20\n';

describe('cluster commands without a cluster', () => {
  it('--dry-run=client validates and sends nothing (no kubeconfig needed)', async () => {
    const r = await argoGen('--kubeconfig', '/nonexistent', 'apply', file('t.yaml', WT), '--dry-run=client');
    expect(r).toMatchObject({ code: 0, stdout: 'workflowtemplate/t valid (client dry run: nothing sent)\n' });
    // The security lint ran (as in validate): its warnings are printed, and they do not stop the command.
    expect(r.stderr).toContain('warning');
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('[security/'))).toEqual([]);
  });

  it('an invalid input stops apply before any connection', async () => {
    const r = await argoGen('--kubeconfig', '/nonexistent', 'apply', file('bad.yaml', WT.replace('image', 'imag')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown field 'imag'");
    expect(r.stderr).not.toContain('kubeconfig');
  });

  it('a malformed -p or --timeout is a usage error (exit 2), found before loading any kubeconfig', async () => {
    const r = await argoGen('--kubeconfig', '/nonexistent', 'submit', 'canary', '-p', 'x', '--timeout', '10 minutes');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "-p 'x': expected name=value [submit/bad-parameter]\n--timeout '10 minutes': expected a duration like 90s, 10m or 1h [submit/bad-timeout]\nnothing was submitted\n",
    );
  });

  it('kubeconfig problems are one line each', async () => {
    expect((await argoGen('--kubeconfig', '/nonexistent', 'list', 'wf')).stderr).toBe(
      "cannot read kubeconfig '/nonexistent': no such file [kube/no-config]\n",
    );
    const cfg = file(
      'unreachable.kubeconfig',
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: here\n  context: {cluster: c, user: u, namespace: team}\ncurrent-context: here\n',
    );
    expect((await argoGen('--kubeconfig', cfg, '--context', 'there', 'list', 'wf')).stderr).toBe(
      "context 'there' is not in the kubeconfig (it has: here) [kube/no-context]\n",
    );
    const r = await argoGen('--kubeconfig', cfg, 'get', 'wftmpl', 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "workflowtemplate/x in namespace 'team': cannot reach the API server https://127.0.0.1:1: ECONNREFUSED; check that the cluster is running and the kubeconfig's server is right (context 'here') [kube/unreachable]\n",
    );
  });

  it('resume: documented in --help, the workflow name is required (exit 2)', async () => {
    const help = await argoGen('resume', '--help');
    expect(help.stdout).toContain('--node <name>');
    expect(help.stdout).toContain('Exit codes: 0 resumed, 1 nothing to resume');
    expect(help.stdout).toContain('get and update on workflows.argoproj.io');
    expect((await argoGen('--help')).stdout).toMatch(/^ {2}resume \[options\] <workflow>/m);
    expect((await argoGen('--kubeconfig', '/nonexistent', 'resume')).code).toBe(2);
    expect((await argoGen('--kubeconfig', '/nonexistent', 'resume', 'w')).stderr).toBe(
      "cannot read kubeconfig '/nonexistent': no such file [kube/no-config]\n",
    );
  });

  it('an unknown kind is a usage error', async () => {
    const r = await argoGen('--kubeconfig', '/nonexistent', 'list', 'pods');
    expect(r.code).toBe(2);
  });

  it('--help never loads client-node: the program reaches cluster code only through dynamic imports', () => {
    for (const f of ['program.ts', 'cluster-commands.ts']) {
      const text = readFileSync(path.join(REPO_ROOT, 'packages/cli/src', f), 'utf8');
      const staticImports = [...text.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
      expect(staticImports.filter((s) => /kube|commands\//.test(s ?? ''))).toEqual([]);
    }
  });
});

describe('progress output', () => {
  const progress = {
    name: 'canary-x',
    phase: 'Running',
    startedAt: '2026-01-01T00:00:00Z',
    nodes: [
      {
        id: '1',
        name: 'build',
        type: 'Pod',
        phase: 'Succeeded',
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:00:12Z',
      },
      {
        id: '2',
        name: 'perf',
        type: 'Pod',
        phase: 'Failed',
        startedAt: '2026-01-01T00:00:12Z',
        finishedAt: '2026-01-01T00:00:15Z',
        message: 'Error (exit code 1)',
      },
      { id: '3', name: 'rollback', type: 'Pod', phase: 'Running', startedAt: '2026-01-01T00:00:15Z' },
      { id: '4', name: 'promote', type: 'Omitted', phase: 'Omitted' },
    ],
  };

  it('plain: one line per phase change, never repeated', () => {
    const lines: string[] = [];
    const view = plainView(
      (l) => lines.push(l),
      () => Date.parse('2026-01-01T00:00:20Z'),
    );
    view.update(progress);
    view.update(progress);
    view.update({ ...progress, phase: 'Failed' });
    expect(lines.join('')).toBe(
      '  build Succeeded (12s)\n  perf Failed (3s): Error (exit code 1)\n  rollback Running\n  promote Omitted\nworkflow/canary-x Running\nworkflow/canary-x Failed\n',
    );
  });

  it('terminal: a table with phase and elapsed time per node', () => {
    expect(renderTable(progress, Date.parse('2026-01-01T00:00:20Z'))).toEqual([
      'workflow/canary-x  Running  20s',
      '  ✔ build     Succeeded  12s',
      '  ✖ perf      Failed     3s  Error (exit code 1)',
      '  ● rollback  Running    5s',
      '  ○ promote   Omitted    ',
    ]);
  });

  it('tables and durations', () => {
    expect(
      table(
        ['NAME', 'AGE'],
        [
          ['a-long-name', '5s'],
          ['b', '10m'],
        ],
      ),
    ).toBe('NAME          AGE\na-long-name   5s\nb             10m\n');
    expect(['90s', '10m', '1h30m', '500ms', '45', '10 minutes', ''].map(parseDuration)).toEqual([
      90_000,
      600_000,
      5_400_000,
      500,
      45_000,
      undefined,
      undefined,
    ]);
  });
});
