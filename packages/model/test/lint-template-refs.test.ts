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

  it('allowMissingRefs: a target outside the run is a warning (as argo lint users expect), one inside is still checked', () => {
    const context = { templates: [library], allowMissingRefs: true };
    const outside = (value: unknown) =>
      lintDocument(value, context).map((i) => ({
        severity: i.severity,
        code: i.code,
        path: i.path,
        message: i.message,
      }));
    expect(outside(callRef({ name: 'other', template: 'echo' }))).toEqual([
      {
        severity: 'warning',
        code: 'lint/template-ref-outside-run',
        path: '/spec/templates/0/steps/0/0/templateRef',
        message:
          'couldn\'t find workflow template "other" in namespace ""; taken to be outside this run (its arguments are not checked)',
      },
    ]);
    expect(outside(callRef({ name: 'shared', template: 'x', clusterScope: true }))[0]?.message).toBe(
      'couldn\'t find cluster workflow template "shared"; taken to be outside this run (its arguments are not checked)',
    );
    expect(outside({ ...doc([]), spec: { workflowTemplateRef: { name: 'gone' } } })).toEqual([
      {
        severity: 'warning',
        code: 'lint/template-ref-outside-run',
        path: '/spec/workflowTemplateRef',
        message:
          'couldn\'t find workflow template "gone" in namespace ""; taken to be outside this run (its arguments are not checked)',
      },
    ]);
    // A WorkflowTemplate of the run is checked as ever: a template it lacks, an input not supplied.
    expect(errors(callRef({ name: 'lib', template: 'ehco' }), context).map((i) => i.code)).toEqual([
      'lint/unresolved-template-ref',
    ]);
    expect(errors(callRef({ name: 'lib', template: 'needs' }), context).map((i) => i.code)).toEqual([
      'lint/missing-argument',
    ]);
  });

  it('treats a WorkflowTemplate entrypoint as optional, and its inputs as supplied by the caller', () => {
    expect(errors(library)).toEqual([]);
    expect(errors({ ...library, spec: { ...(library.spec as object), entrypoint: 'needs' } })).toEqual([]);
  });
});
