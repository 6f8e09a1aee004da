import { describe, expect, it } from 'vitest';
import { formatIssue, lintDocument } from '../src/index.js';
import { dag, errors } from './lint-helpers.js';

const T = '/spec/templates/0/dag';

describe('lint: DAG templates', () => {
  it('accepts a diamond with depends, dependencies-free results and outputs from ancestors', () => {
    const d = dag([
      { name: 'a' },
      { name: 'b', depends: 'a' },
      { name: 'c', depends: 'a.Succeeded || a.Failed' },
      {
        name: 'd',
        depends: '(b && c) && !a.Errored',
        arguments: { parameters: [{ name: 'msg', value: '{{tasks.a.outputs.parameters.out}}' }] },
        when: "'{{tasks.b.status}}' == Succeeded",
      },
    ]);
    expect(lintDocument(d)).toEqual([]);
  });

  it.each([
    [
      'an unknown dependency',
      [{ name: 'a' }, { name: 'b', dependencies: ['x'] }],
      [{ code: 'lint/unknown-dependency', path: `${T}/tasks/1/dependencies/0`, message: "dependency 'x' not defined" }],
    ],
    [
      'an unknown task in depends',
      [{ name: 'a' }, { name: 'b', depends: 'a && x.Succeeded' }],
      [{ code: 'lint/unknown-dependency', path: `${T}/tasks/1/depends`, message: "dependency 'x' not defined" }],
    ],
    [
      'a depends expression that does not parse',
      [{ name: 'a' }, { name: 'b', depends: '(a && ' }],
      [
        {
          code: 'lint/invalid-depends',
          path: `${T}/tasks/1/depends`,
          message: "depends '(a && ' is invalid: unexpected end of expression",
        },
      ],
    ],
    [
      'an unknown task result',
      [{ name: 'a' }, { name: 'b', depends: 'a.Succeded' }],
      [
        {
          code: 'lint/invalid-task-result',
          path: `${T}/tasks/1/depends`,
          message:
            "task result 'Succeded' for task 'a' is invalid (expected one of Succeeded, Failed, Errored, Skipped, Omitted, Daemoned, AnySucceeded, AllFailed)",
        },
      ],
    ],
    [
      'an items-based result on a task without items',
      [{ name: 'a' }, { name: 'b', depends: 'a.AnySucceeded' }],
      [
        {
          code: 'lint/items-condition-without-items',
          path: `${T}/tasks/1/depends`,
          message:
            "dependency 'a' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items",
        },
      ],
    ],
    [
      'a cycle, with its path',
      [
        { name: 'a', depends: 'c' },
        { name: 'b', depends: 'a' },
        { name: 'c', depends: 'b' },
      ],
      [
        {
          code: 'lint/dag-cycle',
          path: `${T}/tasks/0/depends`,
          message: 'dependency cycle detected: a -> c -> b -> a',
        },
      ],
    ],
    [
      'a task depending on itself',
      [{ name: 'a', dependencies: ['a'] }],
      [{ code: 'lint/dag-cycle', path: `${T}/tasks/0/dependencies`, message: 'dependency cycle detected: a -> a' }],
    ],
    [
      'a duplicate task name',
      [{ name: 'a' }, { name: 'a' }],
      [
        {
          code: 'lint/duplicate-task',
          path: `${T}/tasks/1/name`,
          message: `task name 'a' is not unique (first at ${T}/tasks/0)`,
        },
      ],
    ],
    [
      'an invalid task name',
      [{ name: 'a_b' }],
      [
        {
          code: 'lint/invalid-name',
          path: `${T}/tasks/0/name`,
          message:
            "task name 'a_b' is invalid: name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
        },
      ],
    ],
    [
      'a task name starting with a digit when using depends',
      [{ name: '1a' }, { name: 'b', depends: '1a' }],
      [
        {
          code: 'lint/invalid-name',
          path: `${T}/tasks/0/name`,
          message: "task name '1a' cannot begin with a digit when using either 'depends' or 'dependencies'",
        },
      ],
    ],
    [
      'depends and dependencies on one task',
      [{ name: 'a' }, { name: 'b', depends: 'a', dependencies: ['a'] }],
      [
        {
          code: 'lint/depends-and-dependencies',
          path: `${T}/tasks/1`,
          message: "cannot use both 'depends' and 'dependencies'",
        },
      ],
    ],
    [
      'depends and dependencies in one DAG',
      [{ name: 'a' }, { name: 'b', depends: 'a' }, { name: 'c', dependencies: ['a'] }],
      [
        {
          code: 'lint/depends-and-dependencies',
          path: `${T}/tasks/2/dependencies`,
          message: "cannot use both 'depends' and 'dependencies' in the same DAG template",
        },
      ],
    ],
    [
      'continueOn with depends',
      [
        { name: 'a', continueOn: { failed: true } },
        { name: 'b', depends: 'a' },
      ],
      [
        {
          code: 'lint/continue-on-with-depends',
          path: `${T}/tasks/0/continueOn`,
          message: "cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'",
        },
      ],
    ],
    [
      'an output of a task that is not a dependency',
      [
        { name: 'a' },
        { name: 'b', arguments: { parameters: [{ name: 'msg', value: '{{tasks.a.outputs.parameters.out}}' }] } },
      ],
      [
        {
          code: 'lint/missing-dependency',
          path: `${T}/tasks/1/arguments/parameters/0/value`,
          message:
            "missing dependency 'a' for {{tasks.a.outputs.parameters.out}}: task 'b' does not depend on it, directly or through other tasks",
        },
      ],
    ],
    [
      'an output the task does not declare',
      [
        { name: 'a' },
        {
          name: 'b',
          depends: 'a',
          arguments: { parameters: [{ name: 'msg', value: '{{tasks.a.outputs.parameters.nope}}' }] },
        },
      ],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${T}/tasks/1/arguments/parameters/0/value`,
          message:
            "failed to resolve {{tasks.a.outputs.parameters.nope}}: task 'a' (template 'echo') has no output parameter 'nope'",
        },
      ],
    ],
    [
      'a task that does not exist',
      [{ name: 'a', when: '{{tasks.zz.status}} == Succeeded' }],
      [
        {
          code: 'lint/unresolved-reference',
          path: `${T}/tasks/0/when`,
          message: "failed to resolve {{tasks.zz.status}}: no task 'zz' in this DAG",
        },
      ],
    ],
    [
      'an unknown target',
      [{ name: 'a' }],
      [{ code: 'lint/unknown-target', path: `${T}/target`, message: "target 'b' is not defined" }],
      { target: 'a b' },
    ],
    ['an empty DAG', [], [{ code: 'lint/empty-dag', path: `${T}/tasks`, message: 'must have at least one task' }]],
  ])('reports %s', (_name, tasks, expected, dagExtra?: Record<string, unknown>) => {
    const d = dag(tasks as Record<string, unknown>[]);
    const main = (d.spec as { templates: { dag: Record<string, unknown> }[] }).templates[0];
    if (main) Object.assign(main.dag, dagExtra ?? {});
    expect(errors(d)).toEqual(expected);
  });

  it('accepts outputs of transitive dependencies and self-references in hooks', () => {
    const d = dag([
      { name: 'a' },
      { name: 'b', dependencies: ['a'] },
      {
        name: 'c',
        dependencies: ['b'],
        arguments: { parameters: [{ name: 'msg', value: 'x{{tasks.a.outputs.result}}' }] },
        hooks: {
          exit: { template: 'echo', arguments: { parameters: [{ name: 'msg', value: '{{tasks.c.status}}' }] } },
        },
      },
    ]);
    expect(errors(d)).toEqual([]);
  });

  it('prints a cycle with file, path and subject through the one formatter', () => {
    const d = dag([
      { name: 'a', dependencies: ['b'] },
      { name: 'b', dependencies: ['a'] },
    ]);
    expect(lintDocument(d).map((i) => formatIssue(i))).toEqual([
      "/spec/templates/0/dag/tasks/0/dependencies: template 'main', task 'a': dependency cycle detected: a -> b -> a [lint/dag-cycle]",
    ]);
  });
});
