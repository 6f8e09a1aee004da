import { describe, expect, it } from 'vitest';
import { checkParameters, declaredParameters, parseParameterArgs } from '../src/parameters.js';
import { withParameters, workflowFromTemplate } from '../src/submit.js';

const template = {
  spec: {
    arguments: {
      parameters: [
        { name: 'revision', description: 'git revision' },
        { name: 'env', value: 'staging', enum: ['staging', 'prod'] },
        { name: 'region', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'region' } } },
      ],
    },
  },
};
const declared = declaredParameters(template);
const check = (args: string[]) =>
  checkParameters(declared, parseParameterArgs(args).params, 'workflowtemplate/canary').map(
    (i) => `${i.code}: ${i.message}`,
  );

describe('parameter checks', () => {
  it('accepts declared names, enum values, and leaves defaults alone', () => {
    expect(check(['revision=abc'])).toEqual([]);
    expect(check(['revision=a=b', 'env=prod', 'region=eu'])).toEqual([]);
  });

  it('names unknown parameters, with a did-you-mean', () => {
    expect(check(['revison=abc'])).toEqual([
      "submit/unknown-parameter: workflowtemplate/canary has no parameter 'revison' (did you mean 'revision'?)",
      "submit/missing-parameter: workflowtemplate/canary: parameter 'revision' is required (git revision); pass -p revision=<value>",
    ]);
    expect(checkParameters([], new Map([['x', '1']]), 'workflowtemplate/t').map((i) => i.message)).toEqual([
      "workflowtemplate/t has no parameter 'x'; it declares no parameters",
    ]);
  });

  it('refuses values outside the enum', () => {
    expect(check(['revision=abc', 'env=dev'])).toEqual([
      "submit/parameter-not-in-enum: workflowtemplate/canary: parameter 'env' must be one of 'staging', 'prod' (got 'dev')",
    ]);
  });

  it('parses name=value and rejects malformed or repeated ones', () => {
    const { params, problems } = parseParameterArgs(['a=1', 'b', '=x', 'a=2', 'c=']);
    expect([...params]).toEqual([
      ['a', '2'],
      ['c', ''],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "-p 'b': expected name=value",
      "-p '=x': expected name=value",
      '-p a is given twice',
    ]);
  });
});

describe('workflows to submit', () => {
  it('references a template with its arguments', () => {
    expect(workflowFromTemplate({ kind: 'ClusterWorkflowTemplate', name: 'ci' }, new Map([['rev', 'x']]))).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'ci-' },
      spec: {
        workflowTemplateRef: { name: 'ci', clusterScope: true },
        arguments: { parameters: [{ name: 'rev', value: 'x' }] },
      },
    });
  });

  it('overrides a full Workflow’s declared parameters and refuses undeclared ones', () => {
    const wf = { kind: 'Workflow', spec: { arguments: { parameters: [{ name: 'who', value: 'world' }] } } };
    expect(withParameters(wf, new Map([['who', 'e2e']]), 'wf.yaml').spec).toEqual({
      arguments: { parameters: [{ name: 'who', value: 'e2e' }] },
    });
    expect(() => withParameters(wf, new Map([['whom', 'x']]), 'wf.yaml')).toThrow(
      "wf.yaml has no parameter 'whom' (did you mean 'who'?) [submit/unknown-parameter]",
    );
  });
});
