import { describe, expect, it } from 'vitest';
import {
  and,
  container,
  dag,
  globals,
  inputs,
  not,
  output,
  param,
  script,
  synth,
  task,
  toYaml,
  when,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';

describe('a canary-shaped DAG, end to end', () => {
  it('infers data dependencies, renders typed depends and when, and validates', () => {
    const wp = workflowParams({
      revision: param.string(),
      replicas: param.number({ default: 2 }),
      env: param.enum(['staging', 'prod'], { default: 'staging' }),
    });
    const bi = inputs({ repo: param.string(), tag: param.string({ default: 'latest' }) });
    const build = container(
      'build',
      {
        image: 'gcr.io/kaniko-project/executor:v1.23.2',
        args: ['--destination', `${bi.repo}:${bi.tag}`, '--digest-file=/tmp/digest'],
      },
      { inputs: bi, outputs: { digest: output.path('/tmp/digest') } },
    );
    const di = inputs({ image: param.string() });
    const deploy = container(
      'deploy',
      { image: 'bitnami/kubectl:1.31', command: ['kubectl', 'set', 'image', 'deploy/web', `web=${di.image}`] },
      { inputs: di },
    );
    const pi = inputs({ url: param.string() });
    const perf = script(
      'perf',
      { image: 'python:3.12', command: ['python'], source: 'import sys\nprint("pass")\n' },
      { inputs: pi, outputs: { verdict: output.path('/tmp/verdict') } },
    );
    const b = task('build', build, { args: { repo: wp.revision } });
    const d = task('deploy', deploy, { args: { image: b.outputs.parameters.digest } });
    const p = task('perf', perf, { args: { url: 'http://web' }, after: [d] });
    const rb = task('rollback', deploy, {
      args: { image: 'prev' },
      depends: and(p.failed, not(d.skipped)),
      when: when.eq(p.outputs.parameters.verdict, 'fail'),
    });
    const wt = workflowTemplate('burger-canary', {
      entrypoint: dag('main', [b, d, p, rb]),
      params: wp,
      labels: { on: 'yes' },
      annotations: { app: `${globals.name}` },
    });
    const doc = synth(wt);
    expect(doc.kind).toBe('WorkflowTemplate');
    const tasks = doc.spec.templates?.[0]?.dag?.tasks ?? [];
    expect(tasks.map((t) => [t.name, t.depends])).toEqual([
      ['build', undefined],
      ['deploy', 'build'],
      ['perf', 'deploy'],
      ['rollback', 'perf.Failed && !deploy.Skipped'],
    ]);
    expect(tasks[3]?.when).toBe("'{{tasks.perf.outputs.parameters.verdict}}' == 'fail'");
    const yaml = toYaml(doc);
    expect(yaml).toContain('    "on": "yes"\n');
    expect(yaml).toContain('                  value: "{{tasks.build.outputs.parameters.digest}}"\n');
    expect(yaml).toContain('        source: |\n          import sys\n');
    expect(toYaml(synth(wt))).toBe(yaml);
  });
});
