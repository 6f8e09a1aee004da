import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ansibleClusters } from '../src/index.js';
import { envOf } from './hostile.js';
import { rendered } from './render.js';

const clusters = [
  { name: 'staging', kubeconfigSecret: { name: 'kc-staging', key: 'kubeconfig' } },
  { name: 'production', kubeconfigSecret: { name: 'kc-prod', key: 'kubeconfig' } },
];
const step = ansibleClusters({
  source: { configMap: 'ops' },
  playbook: 'site.yml',
  runtimeVars: ['namespace'],
  clusters,
});

/** Runs the step's shell script with a fake ansible-playbook that fails on 'staging' and changes 2 on the other. */
function run(fake: string): { code: number; results: unknown; log: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ansible-clusters-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'ansible-playbook'), `#!/bin/sh\n${fake}\n`);
  chmodSync(path.join(dir, 'ansible-playbook'), 0o755);
  const [, , script = '', ...args] = rendered(step).container?.command ?? [];
  const local = script.replaceAll('/tmp/', `${dir}/`);
  let code = 0;
  let log = '';
  try {
    log = execFileSync('sh', ['-c', local, ...args], {
      env: { PATH: `${dir}:${process.env.PATH}`, ...envOf(rendered(step).container) },
      encoding: 'utf8',
    });
  } catch (e) {
    code = (e as { status: number }).status;
    log = (e as { stdout: string }).stdout;
  }
  return { code, results: JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')), log };
}

describe('ansible-clusters', () => {
  it('mounts one kubeconfig Secret per cluster and reports per cluster in the results output', () => {
    const r = rendered(step);
    expect(r.volumes?.map((v) => [v.name, v.secret?.secretName, v.secret?.items])).toEqual([
      ['playbooks', undefined, undefined],
      ['kubeconfig-staging', 'kc-staging', [{ key: 'kubeconfig', path: 'config' }]],
      ['kubeconfig-production', 'kc-prod', [{ key: 'kubeconfig', path: 'config' }]],
    ]);
    expect(r.container?.env?.at(-1)).toEqual({ name: 'CLUSTERS', value: 'staging production' });
    expect(r.outputs?.parameters).toEqual([
      {
        name: 'results',
        description: 'Per cluster: {changed, failed, ok}',
        valueFrom: { default: '{}', path: '/tmp/results.json' },
      },
    ]);
    expect(r.container?.command?.slice(3)).toEqual([
      'ansible-clusters',
      '--inventory=localhost,',
      '--connection=local',
      '--extra-vars=@/tmp/argo-gen-extra-vars.json',
      'site.yml',
    ]);
  });

  it('runs every cluster, aggregates the PLAY RECAP, then fails when one cluster failed', () => {
    const fake = [
      'case "$KUBECONFIG" in',
      '  */staging/config) echo "localhost : ok=3 changed=0 unreachable=0 failed=1 skipped=0"; exit 2 ;;',
      '  *) echo "localhost : ok=7 changed=2 unreachable=0 failed=0 skipped=1"; echo "args: $*" ;;',
      'esac',
    ].join('\n');
    const r = run(fake);
    expect(r.code).toBe(1);
    expect(r.results).toEqual({
      staging: { changed: 0, failed: 1, ok: 3 },
      production: { changed: 2, failed: 0, ok: 7 },
    });
    expect(r.log).toContain('args: --inventory=localhost, --connection=local');
    expect(r.log).toContain('--extra-vars={"cluster": "production"}');
  });

  it('counts a run that fails before any task (no recap) as one failure, and succeeds when all pass', () => {
    expect(run('echo "ERROR! the playbook could not be found"; exit 1').results).toEqual({
      staging: { changed: 0, failed: 1, ok: 0 },
      production: { changed: 0, failed: 1, ok: 0 },
    });
    const ok = run('echo "localhost : ok=1 changed=1 unreachable=0 failed=0"');
    expect(ok.code).toBe(0);
  });

  it('refuses duplicate clusters, bad names and an inventory', () => {
    const base = { source: { configMap: 'ops' }, playbook: 'site.yml' };
    expect(() =>
      ansibleClusters({ ...base, clusters: [clusters[0], clusters[0]] as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'ansible-clusters': clusters has 'staging' twice; each cluster is configured once per run [steps/bad-option]]`,
    );
    expect(() =>
      ansibleClusters({ ...base, clusters: [{ name: 'Prod_EU', kubeconfigSecret: { name: 'kc', key: 'k' } }] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'ansible-clusters': clusters[0].name must be lower-case letters, digits and -, at most 42 characters (got "Prod_EU") [steps/bad-option]]`,
    );
    expect(() => ansibleClusters({ ...base, clusters: [] })).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'ansible-clusters': clusters must have at least one item (got []) [steps/bad-option]]`,
    );
    expect(() =>
      ansibleClusters({ ...base, inventory: 'hosts', clusters } as never),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'ansible-clusters': unknown option 'inventory' (each cluster runs on localhost) [steps/bad-option]]`,
    );
  });
});
