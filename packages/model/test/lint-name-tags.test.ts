import { describe, expect, it } from 'vitest';
import { container, doc, errors } from './lint-helpers.js';

/**
 * `{{…}}` in step and task names, as Argo's validator puts values in before it checks them (lint/name-tags.ts). Each
 * case's 3.7 verdict is what `argo lint` of v3.7.18 (test/oracle, built from ../shared/argo/src) returns for it; 4.x
 * refuses any `{{` in these names through the full CRDs' pattern, whatever the validator says.
 */
const LEAF = { name: 'leaf', ...container() };
const X = { parameters: [{ name: 'x', value: 'a' }] };

/** A template `main` (the entrypoint unless `spec` says otherwise) running one step or task named `name`. */
function named(
  name: string,
  opts: { kind?: string; spec?: Record<string, unknown>; inputs?: unknown; dag?: boolean; extra?: unknown[] } = {},
) {
  const body = opts.dag ? { dag: { tasks: [{ name, template: 'leaf' }] } } : { steps: [[{ name, template: 'leaf' }]] };
  const main = { name: 'main', inputs: opts.inputs ?? X, ...body };
  return doc([main, LEAF, ...(opts.extra ?? [])], opts.spec ?? {}, opts.kind ?? 'Workflow');
}

const at = (dag = false) => (dag ? '/spec/templates/0/dag/tasks/0/name' : '/spec/templates/0/steps/0/0/name');
const nameErrors = (d: unknown, argoVersion: '3.7' | '4.0' | '4.1') =>
  errors(d, { argoVersion }).filter((e) => e.path.endsWith('/name'));

describe('lint: {{…}} in step and task names, per Argo line', () => {
  const cases: [string, ReturnType<typeof named>, 'valid' | 'invalid'][] = [
    ["a Workflow entrypoint's input (its value)", named('s-{{inputs.parameters.x}}'), 'valid'],
    ['with spaces in the tag', named('s-{{ inputs.parameters.x }}'), 'valid'],
    ['an expression naming the input', named('s-{{=inputs.parameters.x}}'), 'valid'],
    [
      "the input's default",
      named('s-{{inputs.parameters.x}}', { inputs: { parameters: [{ name: 'x', default: 'd' }] } }),
      'valid',
    ],
    [
      'a global argument of the same name, which wins',
      named('s-{{inputs.parameters.x}}', { spec: { arguments: { parameters: [{ name: 'x', value: 'zz' }] } } }),
      'valid',
    ],
    [
      'a global argument whose value is no name',
      named('s-{{inputs.parameters.x}}', { spec: { arguments: { parameters: [{ name: 'x', value: 'A_B' }] } } }),
      'invalid',
    ],
    [
      'an input whose value is no name',
      named('s-{{inputs.parameters.x}}', { inputs: { parameters: [{ name: 'x', value: 'A_B' }] } }),
      'invalid',
    ],
    [
      "an input whose value is a global parameter's",
      named('s-{{inputs.parameters.x}}', {
        inputs: { parameters: [{ name: 'x', value: '{{workflow.parameters.p}}' }] },
        spec: { arguments: { parameters: [{ name: 'p', value: 'pv' }] } },
      }),
      'valid',
    ],
    [
      "a WorkflowTemplate entrypoint's input (FakeArguments)",
      named('s-{{inputs.parameters.x}}', { kind: 'WorkflowTemplate' }),
      'invalid',
    ],
    [
      'a global parameter with a value',
      named('s-{{workflow.parameters.p}}', { spec: { arguments: { parameters: [{ name: 'p', value: 'b' }] } } }),
      'valid',
    ],
    [
      'a global parameter with a value, in a WorkflowTemplate',
      named('s-{{workflow.parameters.p}}', {
        kind: 'WorkflowTemplate',
        spec: { arguments: { parameters: [{ name: 'p', value: 'b' }] } },
      }),
      'valid',
    ],
    ['workflow.name (a placeholder)', named('s-{{workflow.name}}'), 'invalid'],
    ['workflow.priority', named('s-{{workflow.priority}}', { spec: { priority: 3 } }), 'valid'],
    [
      'a template the entrypoint calls (FakeArguments)',
      named('s-{{inputs.parameters.x}}', {
        spec: { entrypoint: 'top' },
        extra: [{ name: 'top', steps: [[{ name: 'call', template: 'main' }]] }],
      }),
      'invalid',
    ],
    ['a template nothing calls', named('s-{{inputs.parameters.x}}', { spec: { entrypoint: 'leaf' } }), 'invalid'],
    [
      "a WorkflowTemplate's exit handler (its arguments are the real ones)",
      named('s-{{inputs.parameters.x}}', { kind: 'WorkflowTemplate', spec: { entrypoint: 'leaf', onExit: 'main' } }),
      'valid',
    ],
    [
      'the entrypoint that is also the exit handler',
      named('s-{{inputs.parameters.x}}', { spec: { onExit: 'main' } }),
      'valid',
    ],
    ["a Workflow entrypoint's input, in a DAG task name", named('t-{{inputs.parameters.x}}', { dag: true }), 'valid'],
    [
      "a WorkflowTemplate entrypoint's input, in a DAG task name",
      named('t-{{inputs.parameters.x}}', { dag: true, kind: 'WorkflowTemplate' }),
      'invalid',
    ],
  ];

  it.each(cases)('Argo 3.7: %s', (_what, d, verdict) => {
    expect(nameErrors(d, '3.7').map((e) => e.code)).toEqual(verdict === 'valid' ? [] : ['lint/invalid-name']);
  });

  it.each(cases)('Argo 4.x refuses it (CRD pattern, or the validator first): %s', (_what, d) => {
    for (const v of ['4.0', '4.1'] as const) expect(nameErrors(d, v)).toHaveLength(1);
  });

  it('says what Argo checked: the placeholder and why', () => {
    expect(nameErrors(named('s-{{inputs.parameters.x}}', { kind: 'WorkflowTemplate' }), '3.7')).toEqual([
      {
        code: 'lint/invalid-name',
        path: at(),
        message:
          "step name 's-{{inputs.parameters.x}}' is invalid: name must consist of alpha-numeric characters or '-', and " +
          "must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME) (Argo's validator checks it as " +
          "'s-__argo__internal__placeholder-N': {{inputs.parameters.x}} is a placeholder (a WorkflowTemplate's " +
          'templates are validated with placeholder arguments))',
      },
    ]);
    expect(
      nameErrors(
        named('s-{{inputs.parameters.x}}', { inputs: { parameters: [{ name: 'x', value: 'A_B' }] } }),
        '3.7',
      )[0]?.message,
    ).toMatch(/\(Argo's validator checks it as 's-A_B'\)$/);
  });

  it('4.x: a placeholder in a step name passes the validator (isValidStepName), the CRD pattern refuses it', () => {
    const d = named('s-{{workflow.name}}');
    for (const v of ['4.0', '4.1'] as const) expect(nameErrors(d, v).map((e) => e.code)).toEqual(['crd/pattern']);
    // In a task name it is the validator that refuses it first (no such replacement there).
    expect(nameErrors(named('t-{{workflow.name}}', { dag: true }), '4.1')).toEqual([
      expect.objectContaining({ code: 'lint/invalid-name', path: at(true) }),
    ]);
  });
});
