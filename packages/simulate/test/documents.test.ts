import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, names, node, workflow } from './helpers.js';

const spec = {
  entrypoint: 'main',
  arguments: { parameters: [{ name: 'who', value: 'world' }] },
  templates: [
    { name: 'main', inputs: { parameters: [{ name: 'who' }] }, steps: [[{ name: 'hello', template: 'work' }]] },
    container('work'),
  ],
};

describe('what simulate accepts', () => {
  it('a CronWorkflow runs its workflowSpec', () => {
    const cron = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata: { name: 'nightly' },
      spec: { schedules: ['0 0 * * *'], workflowSpec: spec },
    };
    const run = simulate(cron);
    expect(names(run)).toEqual(['nightly', 'nightly[0]', 'nightly[0].hello']);
    expect(run.phase).toBe('Succeeded');
  });

  it("a WorkflowTemplate runs as a Workflow that references it; a Workflow's own arguments win", () => {
    const wft = { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'greet' }, spec };
    expect(simulate(wft).phase).toBe('Succeeded');
    const fromTemplate = workflow(
      { workflowTemplateRef: { name: 'greet' }, arguments: { parameters: [{ name: 'who', value: 'burgers' }] } },
      'greet-1',
    );
    const run = simulate(fromTemplate, { templates: [wft] });
    expect(node(run, 'greet-1').inputs?.parameters).toEqual([{ name: 'who', value: 'burgers' }]);
  });

  it('refuses what is not a workflow with one clear error', () => {
    expect(() => simulate({ kind: 'ConfigMap' })).toThrow(
      /is not a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow/,
    );
    expect(() => simulate(workflow({ workflowTemplateRef: { name: 'absent' } }))).toThrow(
      /WorkflowTemplate 'absent' was not given/,
    );
  });

  it('returns frozen results, the same on every run', () => {
    const a = simulate(workflow(spec));
    const b = simulate(workflow(spec));
    expect(a).toEqual(b);
    expect(Object.isFrozen(a.nodes)).toBe(true);
  });

  it('freezes every object of a result: nodes, their lists, inputs, outputs, flags, global outputs, reasons', () => {
    const lib = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'lib' },
      spec: { templates: [container('shared')] },
    };
    const run = simulate(
      workflow({
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'make', template: 'make', arguments: { parameters: [{ name: 'n', value: '1' }] } },
                { name: 'flaky', template: 'flaky', depends: 'make' },
                { name: 'ref', templateRef: { name: 'lib', template: 'shared' }, depends: 'make' },
                { name: 'apply', template: 'apply', depends: 'flaky && ref' },
              ],
            },
          },
          container('make', {
            inputs: { parameters: [{ name: 'n', enum: ['1', '2'] }] },
            outputs: { parameters: [{ name: 'out', globalName: 'made', valueFrom: { path: '/o', default: 'x' } }] },
          }),
          container('flaky', { retryStrategy: { limit: 1 } }),
          { name: 'apply', resource: { action: 'apply', manifest: 'kind: ConfigMap' } },
        ],
      }),
      { templates: [lib], outcomes: { 'flaky(0)': 'Failed' } },
    );
    expect(run.undetermined.length).toBeGreaterThan(0);
    expect(run.outputs?.parameters).toEqual([{ name: 'made', value: 'x' }]);
    const flags = Object.values(run.nodes).filter((n) => n.nodeFlag);
    expect(flags.length).toBeGreaterThan(0);
    const unfrozen: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== 'object' || value === null) return;
      if (!Object.isFrozen(value)) unfrozen.push(path);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(run, 'run');
    expect(unfrozen).toEqual([]);
  });
});
