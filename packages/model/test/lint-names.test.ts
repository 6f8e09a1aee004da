import { describe, expect, it } from 'vitest';
import { container, cron, doc, errors, warnings } from './lint-helpers.js';

const main = { name: 'main', ...container() };

describe('lint: names', () => {
  it('accepts DNS-1123 names within the limits', () => {
    expect(errors(doc([main], {}, 'WorkflowTemplate', { name: 'a'.repeat(63) }))).toEqual([]);
    expect(errors(cron({}, [main]))).toEqual([]);
    expect(errors(doc([main], {}, 'Workflow', { generateName: 'hello.world-' }))).toEqual([]);
  });

  it.each([
    ['Workflow', 64, 'workflow name', 63],
    ['WorkflowTemplate', 64, 'workflow template name', 63],
    ['ClusterWorkflowTemplate', 64, 'cluster workflow template name', 63],
  ])('limits a %s name to 63 characters', (kind, length, what, max) => {
    const name = 'a'.repeat(length);
    expect(errors(doc([main], {}, kind, { name }))).toEqual([
      {
        code: 'lint/name-too-long',
        path: '/metadata/name',
        message: `${what} "${name}" must not be more than ${max} characters long (currently ${length})`,
      },
    ]);
  });

  it('limits a CronWorkflow name to 52 characters', () => {
    const c = { ...cron({}), metadata: { name: 'c'.repeat(53) } };
    expect(errors(c)).toEqual([
      {
        code: 'lint/name-too-long',
        path: '/metadata/name',
        message: `cron workflow name "${'c'.repeat(53)}" must not be more than 52 characters long (currently 53)`,
      },
    ]);
  });

  it('requires DNS-1123 names and generateName prefixes, and a name of some kind', () => {
    const rule =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    expect(errors(doc([main], {}, 'Workflow', { name: 'Hello_World' }))).toEqual([
      { code: 'lint/invalid-name', path: '/metadata/name', message: `metadata.name 'Hello_World' is invalid: ${rule}` },
    ]);
    expect(errors(doc([main], {}, 'Workflow', { generateName: 'Hello-' }))).toEqual([
      {
        code: 'lint/invalid-name',
        path: '/metadata/generateName',
        message: `metadata.generateName 'Hello-' is invalid: ${rule}`,
      },
    ]);
    expect(errors(doc([main], {}, 'Workflow', { labels: { a: 'b' } }))).toEqual([
      {
        code: 'lint/missing-name',
        path: '/metadata',
        message:
          'metadata.name or metadata.generateName is required (the Kubernetes API server refuses an object without either)',
      },
    ]);
  });

  it('warns when Kubernetes would cut a generateName short', () => {
    const generateName = `${'g'.repeat(58)}-`;
    expect(warnings(doc([main], {}, 'Workflow', { generateName }))).toEqual([
      {
        code: 'lint/name-too-long',
        path: '/metadata/generateName',
        message: `metadata.generateName '${generateName}' is longer than 58 characters (currently 59); Kubernetes cuts it short`,
      },
    ]);
  });

  it('checks template names: format, length and uniqueness', () => {
    const long = 't'.repeat(129);
    expect(
      errors(
        doc([main, { name: 'main', ...container() }, { name: 'a.b', ...container() }, { name: long, ...container() }]),
      ),
    ).toEqual([
      {
        code: 'lint/duplicate-template',
        path: '/spec/templates/1/name',
        message: "template name 'main' is not unique (first at /spec/templates/0)",
      },
      {
        code: 'lint/invalid-name',
        path: '/spec/templates/2/name',
        message:
          "template name 'a.b' is invalid: name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
      },
      {
        code: 'lint/name-too-long',
        path: '/spec/templates/3/name',
        message: `template name '${long}' is invalid: must be no more than 128 characters (currently 129)`,
      },
    ]);
    expect(errors(doc([{ ...container() }], { entrypoint: 'x' }))[0]).toEqual({
      code: 'lint/missing-name',
      path: '/spec/templates/0',
      message: 'template name is required',
    });
  });

  it('checks parameter and artifact names in arguments, inputs and outputs', () => {
    const rule =
      "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1";
    const d = doc(
      [
        {
          name: 'main',
          inputs: {
            parameters: [
              { name: 'ok_1', default: 'x' },
              { name: 'ok_1', default: 'y' },
            ],
          },
          outputs: { artifacts: [{ name: 'a b', path: '/tmp/x' }] },
          container: { image: 'alpine', args: ['{{inputs.parameters.ok_1}}'] },
        },
      ],
      { arguments: { parameters: [{ name: 'my.param', value: '1' }] } },
    );
    expect(errors(d)).toEqual([
      {
        code: 'lint/invalid-name',
        path: '/spec/arguments/parameters/0/name',
        message: `parameter name 'my.param' is invalid: ${rule}`,
      },
      {
        code: 'lint/duplicate-parameter',
        path: '/spec/templates/0/inputs/parameters/1/name',
        message: "parameter name 'ok_1' is not unique (first at /spec/templates/0/inputs/parameters/0)",
      },
      {
        code: 'lint/invalid-name',
        path: '/spec/templates/0/outputs/artifacts/0/name',
        message: `artifact name 'a b' is invalid: ${rule}`,
      },
    ]);
  });
});
