import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';
import { errors, steps } from './lint-helpers.js';

const S = '/spec/templates/0/steps';
const arg = (value: string) => ({ arguments: { parameters: [{ name: 'msg', value }] } });

describe('lint: steps templates', () => {
  it('accepts outputs of earlier groups and loops with item', () => {
    const d = steps([
      [{ name: 'one' }],
      [{ name: 'two', withItems: ['a', 'b'], ...arg('{{steps.one.outputs.parameters.out}} {{item}}') }],
      [{ name: 'three', withItems: [{ k: 1 }], ...arg('{{item.k}} {{steps.one.status}}') }],
    ]);
    for (const argoVersion of ['3.7', '4.0', '4.1'] as const) expect(lintDocument(d, { argoVersion })).toEqual([]);
  });

  // Argo checks a step name with only global and input variables put in (ProcessArgs): `{{item}}` stays, braces and
  // all, in every line (v3.7.18, v4.0.10 and v4.1.2 `argo lint` all refuse it).
  it('refuses {{item}} in a step name, which the validator checks as written', () => {
    const d = steps([[{ name: 'two-{{item}}', withItems: ['a', 'b'] }]]);
    for (const argoVersion of ['3.7', '4.0', '4.1'] as const)
      expect(errors(d, { argoVersion })).toEqual([
        {
          code: 'lint/invalid-name',
          path: `${S}/0/0/name`,
          message:
            "step name 'two-{{item}}' is invalid: name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
        },
      ]);
  });

  it.each([
    [
      'a duplicate step name across groups',
      [[{ name: 'a' }], [{ name: 'a' }]],
      [
        {
          code: 'lint/duplicate-step',
          path: `${S}/1/0/name`,
          message: `step name 'a' is not unique (first at ${S}/0/0)`,
        },
      ],
    ],
    [
      'an output of a step in the same group',
      [[{ name: 'a' }, { name: 'b', ...arg('{{steps.a.outputs.result}}') }]],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${S}/0/1/arguments/parameters/0/value`,
          message:
            "failed to resolve {{steps.a.outputs.result}}: step 'a' runs in parallel with this step (same group 0)",
        },
      ],
    ],
    [
      'an output of a later step',
      [[{ name: 'a', ...arg('{{steps.b.outputs.result}}') }], [{ name: 'b' }]],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${S}/0/0/arguments/parameters/0/value`,
          message:
            "failed to resolve {{steps.b.outputs.result}}: step 'b' runs later (group 1, this step is in group 0)",
        },
      ],
    ],
    [
      'an unknown step',
      [[{ name: 'a', when: '{{steps.zz.status}} == Succeeded' }]],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${S}/0/0/when`,
          message: "failed to resolve {{steps.zz.status}}: no step 'zz' in this template",
        },
      ],
    ],
    [
      '{{item}} without a loop',
      [[{ name: 'a', ...arg('{{item}}') }]],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${S}/0/0/arguments/parameters/0/value`,
          message:
            "failed to resolve {{item}}: 'item' is only defined in a step or task with withItems, withParam or withSequence",
        },
      ],
    ],
    [
      'an item key no item has',
      [[{ name: 'a', withItems: [{ k: 1 }], ...arg('{{item.j}}') }]],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${S}/0/0/arguments/parameters/0/value`,
          message: "failed to resolve {{item.j}}: no item in withItems has a key 'j'",
        },
      ],
    ],
    [
      'two loops on one step',
      [[{ name: 'a', withItems: [1], withParam: '[1]' }]],
      [
        {
          code: 'lint/multiple-loops',
          path: `${S}/0/0/withParam`,
          message: 'only one of withItems, withParam, withSequence can be specified',
        },
      ],
    ],
    [
      'count and end in withSequence',
      [[{ name: 'a', withSequence: { count: '3', end: '5' } }]],
      [
        {
          code: 'lint/invalid-sequence',
          path: `${S}/0/0/withSequence`,
          message: 'only one of count or end can be defined in withSequence',
        },
      ],
    ],
    [
      'an argument without a value',
      [[{ name: 'a', arguments: { parameters: [{ name: 'msg' }] } }]],
      [
        {
          code: 'lint/missing-value',
          path: `${S}/0/0/arguments/parameters/0`,
          message: 'arguments.msg.value or arguments.msg.valueFrom is required',
        },
      ],
    ],
    [
      'a step hook without an expression',
      [[{ name: 'a', hooks: { running: { template: 'echo' } } }]],
      [
        {
          code: 'lint/missing-hook-expression',
          path: `${S}/0/0/hooks/running`,
          message: 'hooks.running Expression required',
        },
      ],
    ],
  ])('reports %s', (_name, groups, expected) => {
    expect(errors(steps(groups as Record<string, unknown>[][]))).toEqual(expected);
  });
});
