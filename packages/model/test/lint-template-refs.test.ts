import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';
import { container, doc, ECHO, errors } from './lint-helpers.js';

const main = { name: 'main', ...container() };
const library = doc(
  [
    ECHO,
    {
      name: 'needs',
      inputs: { parameters: [{ name: 'p' }] },
      container: { image: 'a', args: ['{{inputs.parameters.p}}'] },
    },
  ],
  { entrypoint: undefined },
  'WorkflowTemplate',
  {
    name: 'lib',
  },
);
const callRef = (ref: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  doc([{ name: 'main', steps: [[{ name: 's', templateRef: ref, ...extra }]] }]);

describe('lint: entrypoint, onExit, template and templateRef targets', () => {
  it('accepts existing targets', () => {
    expect(lintDocument(doc([main], { onExit: 'main' }))).toEqual([]);
    expect(errors(callRef({ name: 'lib', template: 'echo' }), { templates: [library] })).toEqual([]);
  });

  it.each([
    [
      'a missing entrypoint',
      doc([main], { entrypoint: 'mian' }),
      [
        {
          code: 'lint/missing-entrypoint',
          path: '/spec/entrypoint',
          message: "template name 'mian' undefined; did you mean 'main'?",
        },
      ],
    ],
    [
      'no entrypoint in a Workflow',
      doc([main], { entrypoint: undefined }),
      [{ code: 'lint/missing-entrypoint', path: '/spec', message: 'spec.entrypoint is required' }],
    ],
    [
      'a missing onExit template',
      doc([main], { onExit: 'cleanup' }),
      [{ code: 'lint/unknown-template', path: '/spec/onExit', message: "template name 'cleanup' undefined" }],
    ],
    [
      'a missing task-level onExit template',
      doc([{ name: 'main', dag: { tasks: [{ name: 'a', template: 'echo', onExit: 'gone' }] } }, ECHO]),
      [
        {
          code: 'lint/unknown-template',
          path: '/spec/templates/0/dag/tasks/0/onExit',
          message: "template name 'gone' undefined",
        },
      ],
    ],
    [
      'a missing step template',
      doc([{ name: 'main', steps: [[{ name: 's', template: 'nope' }]] }]),
      [
        {
          code: 'lint/unknown-template',
          path: '/spec/templates/0/steps/0/0/template',
          message: "template name 'nope' undefined",
        },
      ],
    ],
    [
      'template and templateRef together',
      callRef({ name: 'lib', template: 'echo' }, { template: 'main' }),
      [
        {
          code: 'lint/invalid-template-ref',
          path: '/spec/templates/0/steps/0/0',
          message: 'template name cannot be specified with templateRef',
        },
      ],
    ],
    [
      'a templateRef without a template',
      callRef({ name: 'lib' }),
      [
        {
          code: 'lint/invalid-template-ref',
          path: '/spec/templates/0/steps/0/0/templateRef',
          message: 'template name is required',
        },
      ],
    ],
    [
      'a templateRef to a WorkflowTemplate not in the run',
      callRef({ name: 'other', template: 'echo' }),
      [
        {
          code: 'lint/unresolved-template-ref',
          path: '/spec/templates/0/steps/0/0/templateRef',
          message: 'couldn\'t find workflow template "other" in namespace ""',
        },
      ],
    ],
    [
      'a templateRef to a ClusterWorkflowTemplate not in the run',
      callRef({ name: 'lib', template: 'echo', clusterScope: true }),
      [
        {
          code: 'lint/unresolved-template-ref',
          path: '/spec/templates/0/steps/0/0/templateRef',
          message: 'couldn\'t find cluster workflow template "lib"',
        },
      ],
    ],
    [
      'a templateRef to a template the WorkflowTemplate lacks',
      callRef({ name: 'lib', template: 'ehco' }),
      [
        {
          code: 'lint/unresolved-template-ref',
          path: '/spec/templates/0/steps/0/0/templateRef',
          message: 'template reference lib.ehco not found',
        },
      ],
    ],
    [
      'an input the call does not supply',
      callRef({ name: 'lib', template: 'needs' }),
      [
        {
          code: 'lint/missing-argument',
          path: '/spec/templates/0/steps/0/0',
          message: "template 'needs': inputs.parameters.p was not supplied",
        },
      ],
    ],
    [
      'a workflowTemplateRef to a template not in the run',
      { ...doc([]), spec: { workflowTemplateRef: { name: 'gone' } } },
      [
        {
          code: 'lint/unresolved-template-ref',
          path: '/spec/workflowTemplateRef',
          message: 'couldn\'t find workflow template "gone" in namespace ""',
        },
      ],
    ],
    [
      'templates beside a workflowTemplateRef',
      { ...doc([main]), spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo', templates: [main] } },
      [
        {
          code: 'lint/templates-with-workflow-template-ref',
          path: '/spec/templates',
          message: 'Templates is invalid field in spec if workflow referred WorkflowTemplate reference',
        },
      ],
    ],
    [
      'an entrypoint input the Workflow does not supply',
      doc([
        {
          name: 'main',
          inputs: { parameters: [{ name: 'p' }] },
          container: { image: 'a', args: ['{{inputs.parameters.p}}'] },
        },
      ]),
      [
        {
          code: 'lint/missing-argument',
          path: '/spec/entrypoint',
          message: "template 'main': inputs.parameters.p was not supplied",
        },
      ],
    ],
  ])('reports %s', (_name, value, expected) => {
    expect(errors(value, { templates: [library] })).toEqual(expected);
  });

  it('does not check templateRef targets without a context, and resolves through workflowTemplateRef', () => {
    expect(errors(callRef({ name: 'other', template: 'echo' }))).toEqual([]);
    const viaRef = { ...doc([]), spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo' } };
    expect(lintDocument(viaRef, { templates: [library] })).toEqual([]);
    expect(
      errors(
        { ...viaRef, spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'ecko' } },
        { templates: [library] },
      ),
    ).toEqual([
      { code: 'lint/missing-entrypoint', path: '/spec/entrypoint', message: "template name 'ecko' undefined" },
    ]);
  });

  it('treats a WorkflowTemplate entrypoint as optional, and its inputs as supplied by the caller', () => {
    expect(errors(library)).toEqual([]);
    expect(errors({ ...library, spec: { ...(library.spec as object), entrypoint: 'needs' } })).toEqual([]);
  });
});
