import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node, phaseOf, stepsWorkflow, workflow } from './helpers.js';

const take = (name: string) => container(name, { inputs: { parameters: [{ name: 'v' }] } });

describe('parameters', () => {
  it("passes workflow parameters (the caller's over the spec's) to the entrypoint and to tasks", () => {
    const wf = workflow({
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'env', value: 'staging' }] },
      templates: [
        {
          name: 'main',
          inputs: { parameters: [{ name: 'env' }] },
          dag: {
            tasks: [
              {
                name: 'a',
                template: 'take',
                arguments: { parameters: [{ name: 'v', value: '{{inputs.parameters.env}}' }] },
              },
              {
                name: 'b',
                template: 'take',
                arguments: { parameters: [{ name: 'v', value: '{{workflow.parameters.env}}-{{workflow.name}}' }] },
              },
            ],
          },
        },
        take('take'),
      ],
    });
    expect(node(simulate(wf), 'wf.a').inputs?.parameters).toEqual([{ name: 'v', value: 'staging' }]);
    const prod = simulate(wf, { parameters: { env: 'prod' } });
    expect(node(prod, 'wf').inputs?.parameters).toEqual([{ name: 'env', value: 'prod' }]);
    expect(node(prod, 'wf.a').inputs?.parameters).toEqual([{ name: 'v', value: 'prod' }]);
    expect(node(prod, 'wf.b').inputs?.parameters).toEqual([{ name: 'v', value: 'prod-wf' }]);
  });

  it('passes outputs, results and exit codes between tasks; declared defaults stand in for outputs not given', () => {
    const wf = dagWorkflow(
      [
        { name: 'gate', template: 'gate' },
        {
          name: 'report',
          template: 'take',
          depends: 'gate',
          arguments: {
            parameters: [{ name: 'v', value: '{{tasks.gate.outputs.parameters.verdict}}/{{tasks.gate.exitCode}}' }],
          },
        },
      ],
      [
        container('gate', {
          outputs: { parameters: [{ name: 'verdict', valueFrom: { path: '/tmp/v', default: 'fail' } }] },
        }),
        take('take'),
      ],
    );
    expect(node(simulate(wf), 'wf.report').inputs?.parameters).toEqual([{ name: 'v', value: 'fail/0' }]);
    const pass = simulate(wf, { outcomes: { gate: { parameters: { verdict: 'pass' } } } });
    expect(node(pass, 'wf.report').inputs?.parameters).toEqual([{ name: 'v', value: 'pass/0' }]);
    expect(node(pass, 'wf.gate').outputs).toEqual({ parameters: [{ name: 'verdict', value: 'pass' }], exitCode: '0' });
  });

  it('a missing input errors the task: dag.go reports it as "task \'<node>\' errored: …"', () => {
    const wf = workflow({
      entrypoint: 'main',
      templates: [{ name: 'main', dag: { tasks: [{ name: 'a', template: 'take' }] } }, take('take')],
    });
    const run = simulate(wf);
    expect(phaseOf(run, 'wf.a')).toBe('Error');
    expect(node(run, 'wf.a').message).toBe("task 'wf.a' errored: inputs.parameters.v was not supplied");
    expect(run.phase).toBe('Error');
  });

  it('a missing input in a step group errors the group at once; its later steps never start', () => {
    const wf = stepsWorkflow(
      [
        [
          { name: 'a', template: 'take' },
          { name: 'b', template: 'work' },
        ],
      ],
      [take('take'), container('work')],
    );
    const run = simulate(wf);
    expect(node(run, 'wf[0].a').message).toBe('inputs.parameters.v was not supplied');
    expect(phaseOf(run, 'wf[0].b')).toBeUndefined();
    expect(node(run, 'wf[0]').message).toBe(
      'step group deemed errored due to child wf[0].a error: inputs.parameters.v was not supplied',
    );
    expect(run.phase).toBe('Failed');
  });

  it('an error in the entry template errors the workflow at once, without its exit handler', () => {
    const wf = workflow({ entrypoint: 'take', onExit: 'work', templates: [take('take'), container('work')] });
    const run = simulate(wf);
    expect(run.phase).toBe('Error');
    expect(run.message).toBe('error in entry template execution: inputs.parameters.v was not supplied');
    expect(phaseOf(run, 'wf.onExit')).toBeUndefined();
  });

  it("a DAG's outputs come from its tasks, and global outputs reach the run's outputs", () => {
    const wf = workflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: { tasks: [{ name: 'build', template: 'build' }] },
          outputs: {
            parameters: [
              {
                name: 'digest',
                globalName: 'digest',
                valueFrom: { parameter: '{{tasks.build.outputs.parameters.digest}}' },
              },
            ],
          },
        },
        container('build', {
          outputs: { parameters: [{ name: 'digest', globalName: 'built', valueFrom: { path: '/d' } }] },
        }),
      ],
    });
    const run = simulate(wf, { outcomes: { build: { parameters: { digest: 'sha256:1' } } } });
    expect(node(run, 'wf').outputs).toEqual({
      parameters: [{ name: 'digest', value: 'sha256:1', globalName: 'digest' }],
    });
    expect(run.outputs?.parameters).toEqual([
      { name: 'built', value: 'sha256:1' },
      { name: 'digest', value: 'sha256:1' },
    ]);
  });

  it("a skipped task's output without a default is an absent optional: a DAG output from it errors (4.0.7+)", () => {
    const wf = workflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: { tasks: [{ name: 'build', template: 'build', when: 'false' }] },
          outputs: {
            parameters: [{ name: 'digest', valueFrom: { parameter: '{{tasks.build.outputs.parameters.digest}}' } }],
          },
        },
        container('build', { outputs: { parameters: [{ name: 'digest', valueFrom: { path: '/d' } }] } }),
      ],
    });
    const run = simulate(wf);
    expect(phaseOf(run, 'wf.build')).toBe('Skipped');
    expect(phaseOf(run, 'wf')).toBe('Error');
    expect(run.phase).toBe('Error');
  });
});

describe('outputs of skipped and omitted tasks (Argo 4.0.7+)', () => {
  const consumer = (inputDefault?: string) =>
    dagWorkflow(
      [
        { name: 'probe', template: 'probe', when: 'false' },
        {
          name: 'use',
          template: 'use',
          depends: 'probe',
          arguments: { parameters: [{ name: 'v', value: '{{tasks.probe.outputs.parameters.out}}' }] },
        },
      ],
      [
        container('probe', { outputs: { parameters: [{ name: 'out', valueFrom: { path: '/o' } }] } }),
        container('use', {
          inputs: { parameters: [{ name: 'v', ...(inputDefault ? { default: inputDefault } : {}) }] },
        }),
      ],
    );

  it("a pure reference to a defaultless output of a skipped task takes the consumer's input default", () => {
    const run = simulate(consumer('fallback'));
    expect(node(run, 'wf.use').inputs?.parameters).toEqual([{ name: 'v', value: 'fallback' }]);
    expect(run.phase).toBe('Succeeded');
  });

  it('without an input default the consumer errors with the absent optional', () => {
    const run = simulate(consumer());
    expect(phaseOf(run, 'wf.use')).toBe('Error');
    expect(node(run, 'wf.use').message).toBe(
      "task 'wf.use' errored: inputs.parameters.v: argument references an absent optional (skipped/omitted node output with no default)",
    );
  });
});

describe('workflow globals', () => {
  it('workflow.parameters.json is the arguments as JSON, as setGlobalParameters marshals them', () => {
    const wf = workflow({
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'flag', value: 'true' }] },
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'go', template: 'work', when: "{{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}" }],
          ],
        },
        container('work'),
      ],
    });
    expect(phaseOf(simulate(wf), 'wf[0].go')).toBe('Succeeded');
    expect(phaseOf(simulate(wf, { parameters: { flag: 'false' } }), 'wf[0].go')).toBe('Skipped');
  });
});
