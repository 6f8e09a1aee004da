import { describe, expect, it } from 'vitest';
import { formatIssue, validateSchema } from '../src/index.js';

const wf = (spec: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName: 'x-' },
  spec,
  ...extra,
});

describe('validateSchema', () => {
  it('accepts a minimal workflow, with numbers where Argo accepts them', () => {
    const doc = wf({
      entrypoint: 'main',
      arguments: {
        parameters: [
          { name: 'n', value: 3 },
          { name: 'b', value: true },
        ],
      },
      templates: [
        {
          name: 'main',
          retryStrategy: { limit: 2 },
          container: { image: 'alpine', resources: { limits: { cpu: 1, memory: '64Mi' } } },
        },
      ],
    });
    expect(validateSchema(doc)).toEqual({ status: 'valid', kind: 'Workflow', issues: [] });
  });

  it('reports a misspelled field at its path, naming the template', () => {
    const verdict = validateSchema(wf({ templates: [{ name: 'build', contianer: { image: 'a' } }] }));
    expect(verdict.status).toBe('invalid');
    expect(verdict.issues.map(formatIssue)).toEqual([
      "/spec/templates/0/contianer: template 'build': unknown field 'contianer' [schema/unknown-field]",
    ]);
  });

  it('reports a wrong type with the value it got', () => {
    const verdict = validateSchema(wf({ parallelism: 'many', templates: [] }));
    expect(verdict.issues.map(formatIssue)).toEqual([
      '/spec/parallelism: \'parallelism\' must be an integer (got string "many") [schema/wrong-type]',
    ]);
  });

  it('reports a missing required field at its parent', () => {
    const verdict = validateSchema(wf({ templates: [{ name: 'main', inputs: { parameters: [{ value: 'x' }] } }] }));
    expect(verdict.issues.map(formatIssue)).toEqual([
      "/spec/templates/0/inputs/parameters/0: template 'main': missing required field 'name' [schema/missing-field]",
    ]);
  });

  it('names tasks inside DAG templates', () => {
    const verdict = validateSchema(
      wf({ templates: [{ name: 'main', dag: { tasks: [{ name: 'deploy', template: 'x', dependecies: ['a'] }] } }] }),
    );
    expect(verdict.issues[0]?.subject).toBe("template 'main', task 'deploy'");
  });

  it('refuses an unknown Argo kind and suggests the closest', () => {
    const verdict = validateSchema({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplat',
      metadata: {},
      spec: {},
    });
    expect(verdict.issues.map(formatIssue)).toEqual([
      "/kind: unknown Argo kind 'WorkflowTemplat'; did you mean 'WorkflowTemplate'? [document/unknown-kind]",
    ]);
    const other = validateSchema({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Pipeline', metadata: {}, spec: {} });
    expect(other.issues[0]?.message).toBe(
      "unknown Argo kind 'Pipeline'; argoproj.io/v1alpha1 has Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow, WorkflowEventBinding",
    );
  });

  it('skips other Kubernetes kinds and other Argo projects, as argo lint does', () => {
    expect(validateSchema({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } })).toMatchObject({
      status: 'skipped',
      reason: 'ConfigMap (v1) is not an Argo Workflows kind',
    });
    expect(validateSchema({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: {} }).status).toBe('skipped');
  });

  it('refuses documents that are not mappings, or have no kind', () => {
    expect(validateSchema('hello').issues[0]?.message).toBe('a Kubernetes document must be a mapping (got a string)');
    expect(validateSchema([1]).issues[0]?.code).toBe('document/not-a-mapping');
    expect(validateSchema({ apiVersion: 'argoproj.io/v1alpha1' }).issues[0]?.code).toBe('document/missing-kind');
  });

  it('checks the apiVersion of a known kind', () => {
    const verdict = validateSchema({ ...wf({ templates: [] }), apiVersion: 'argoproj.io/v1beta1' });
    expect(verdict.issues.map(formatIssue)).toEqual([
      '/apiVersion: \'apiVersion\' must be "argoproj.io/v1alpha1" (got string "argoproj.io/v1beta1") [schema/not-allowed]',
    ]);
  });
});
