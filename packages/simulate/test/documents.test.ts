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
});
