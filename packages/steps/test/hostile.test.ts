// Every step with hostile parameter values, substituted the way Argo substitutes them: the program the container
// runs must receive each value as data (one argument, one environment variable, one JSON string), never as code.
import { lintSecurity } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { ansible, ansibleClusters, fail, kaniko, kubectl, perfCheck } from '../src/index.js';
import { envOf, HOSTILE, runShell, substitute } from './hostile.js';
import { rendered } from './render.js';

const clusters = [{ name: 'staging', kubeconfigSecret: { name: 'kc', key: 'config' } }];

describe.each(HOSTILE)('hostile value %j', (value) => {
  it('ansible: reaches the playbook as one JSON-encoded extra variable', () => {
    const t = substitute(
      rendered(
        ansible({
          source: { configMap: 'pb' },
          playbook: 'site.yml',
          extraVars: { app: 'burger', replicas: 3 },
          runtimeVars: ['namespace', 'image'],
        }),
      ),
      { namespace: value, image: 'web@sha256:1' },
    );
    const c = t.container;
    const r = runShell([...(c?.command ?? []), ...(c?.args ?? [])], envOf(c), ['ansible-playbook']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      [
        'ansible-playbook',
        '--inventory=localhost,',
        '--connection=local',
        '--extra-vars=@/tmp/argo-gen-extra-vars.json',
        'site.yml',
      ],
    ]);
    expect(JSON.parse(r.files['argo-gen-extra-vars.json'] as string)).toEqual({
      app: 'burger',
      replicas: 3,
      namespace: value,
      image: 'web@sha256:1',
    });
    expect(r.stdout).not.toContain('INJECTED');
  });

  it('ansible-clusters: every cluster run gets the value as data', () => {
    const t = substitute(
      rendered(
        ansibleClusters({ source: { configMap: 'pb' }, playbook: 'site.yml', runtimeVars: ['namespace'], clusters }),
      ),
      { namespace: value },
    );
    const c = t.container;
    const r = runShell(c?.command ?? [], envOf(c), ['ansible-playbook']);
    expect(r.calls.map((call) => call.slice(0, 5))).toEqual([
      [
        'ansible-playbook',
        '--inventory=localhost,',
        '--connection=local',
        '--extra-vars=@/tmp/argo-gen-extra-vars.json',
        'site.yml',
      ],
    ]);
    expect(JSON.parse(r.files['argo-gen-extra-vars.json'] as string)).toEqual({ namespace: value });
    expect(r.stdout).not.toContain('INJECTED');
  });

  it('kaniko: the tag is part of one --destination argument of a program without a shell', () => {
    const t = substitute(
      rendered(kaniko({ context: { git: { url: 'https://git.example/r.git' } }, destinations: ['reg.example/app'] })),
      { tag: value, revision: 'refs/heads/main' },
    );
    expect(t.container?.command).toEqual(['/kaniko/executor']); // the image's entrypoint: no shell
    expect(t.container?.args?.filter((a) => a.startsWith('--destination='))).toEqual([
      `--destination=reg.example/app:${value}`,
    ]);
  });

  it('kubectl: the image is part of one argument of kubectl, with no shell', () => {
    const t = substitute(rendered(kubectl.setImage({ workload: { name: 'web', namespace: 'shop' } })), {
      image: value,
    });
    expect(t.container?.command).toEqual(['kubectl']);
    expect(t.container?.args).toEqual(['set', 'image', 'deployment/web', `web=${value}`, '--namespace=shop']);
  });

  it('perf-check: the duration and URL arrive in environment variables the script quotes', () => {
    const t = substitute(rendered(perfCheck({ target: { url: 'http://web' }, thresholds: { p95Ms: 100 } })), {
      url: value,
      duration: value,
    });
    const s = t.script;
    expect(s?.source).not.toContain(value);
    const r = runShell(['sh', '-c', s?.source ?? ''], envOf(s), ['k6']);
    expect(r.calls).toEqual([
      [
        'k6',
        'run',
        '--quiet',
        '--vus',
        '10',
        '--duration',
        value,
        '--summary-export',
        '/tmp/metrics.json',
        '/tmp/load.js',
      ],
    ]);
    expect(r.stdout).not.toContain('INJECTED');
  });

  it('fail: the message is printed as data', () => {
    // A message with '{{' is refused when the step is built (a hand-written expression), so it never reaches Argo.
    if (value.includes('{{')) {
      expect(() => rendered(fail({ name: 'f', message: value }))).toThrow('hand-written');
      return;
    }
    const c = rendered(fail({ name: 'f', message: value })).container;
    const r = runShell(c?.command ?? [], {}, []);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('kubectl.currentImage', () => {
  it('passes the workload, namespace and JSONPath as positional arguments of kubectl', () => {
    const c = rendered(
      kubectl.currentImage({ workload: { name: 'web', namespace: 'shop' }, container: 'app' }),
    ).container;
    const r = runShell([...(c?.command ?? []), ...(c?.args ?? [])], {}, ['kubectl']);
    expect(r.calls).toEqual([
      [
        'kubectl',
        'get',
        'deployment/web',
        '--namespace=shop',
        '-o',
        'jsonpath={.spec.template.spec.containers[?(@.name=="app")].image}',
      ],
    ]);
  });
});

describe('every step passes the security lint in strict mode', () => {
  const steps = {
    ansible: ansible({
      source: { configMap: 'pb' },
      playbook: 'site.yml',
      runtimeVars: ['ns'],
      serviceAccountName: 'c',
    }),
    'ansible-clusters': ansibleClusters({
      source: { configMap: 'pb' },
      playbook: 's.yml',
      runtimeVars: ['ns'],
      clusters,
      serviceAccountName: 'c',
    }),
    kaniko: kaniko({ context: { git: { url: 'https://git.example/r.git' } }, destinations: ['reg.example/app'] }),
    'kubectl.setImage': kubectl.setImage({
      workload: { name: 'web', namespace: 'shop' },
      serviceAccountName: 'deployer',
    }),
    'kubectl.currentImage': kubectl.currentImage({
      workload: { name: 'web', namespace: 'shop' },
      serviceAccountName: 'd',
    }),
    'kubectl.partition': kubectl.partition({ statefulSet: { name: 'db', namespace: 'shop' }, serviceAccountName: 'd' }),
    'kubectl.releaseStuckPods': kubectl.releaseStuckPods({
      statefulSet: { name: 'db', namespace: 'shop' },
      serviceAccountName: 'd',
    }),
    'kubectl.daemonSetUpdate': kubectl.daemonSetUpdate({
      daemonSet: { name: 'agent', namespace: 'shop' },
      maxSurge: 1,
      serviceAccountName: 'd',
    }),
    perfCheck: perfCheck({ target: { url: 'http://web' }, thresholds: { p95Ms: 100 } }),
    fail: fail({ name: 'f', message: 'failed' }),
  };
  it.each(Object.entries(steps))('%s', (_name, step) => {
    const template = rendered(step);
    const doc = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'probe' },
      spec: { executor: { serviceAccountName: 'executor' }, serviceAccountName: 'runner', templates: [template] },
    };
    expect(lintSecurity(doc, { mode: 'strict' }).map((i) => `${i.code} ${i.path}: ${i.message}`)).toEqual([]);
  });
});
