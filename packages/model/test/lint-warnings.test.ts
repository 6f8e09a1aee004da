import { describe, expect, it } from 'vitest';
import { container, doc, warnings } from './lint-helpers.js';

const unused = {
  name: 'main',
  inputs: {
    parameters: [
      { name: 'used', value: '1' },
      { name: 'spare', value: '2' },
    ],
  },
  container: { image: 'a', args: ['{{inputs.parameters.used}}'] },
};

describe('lint: warnings of our own', () => {
  it('warns about an input parameter the template never reads', () => {
    expect(warnings(doc([unused]))).toEqual([
      {
        code: 'lint/unused-input',
        path: '/spec/templates/0/inputs/parameters/1',
        message: "input parameter 'spare' is never used in template 'main'",
      },
    ]);
  });

  it('counts uses in expressions and of the whole list', () => {
    const expr = {
      ...unused,
      container: { image: 'a', args: ["{{=inputs.parameters.used + inputs.parameters['spare']}}"] },
    };
    expect(warnings(doc([expr]))).toEqual([]);
    expect(warnings(doc([{ ...unused, container: { image: 'a', args: ['{{inputs.parameters}}'] } }]))).toEqual([]);
    // The whole list after a use of one parameter, and with spaces (and a line break) before the braces close.
    for (const all of [
      '{{inputs.parameters.used}} {{ inputs.parameters \n}}',
      '{{inputs.parameters.used}}{{inputs.parameters}}',
    ])
      expect(warnings(doc([{ ...unused, container: { image: 'a', args: [all] } }]))).toEqual([]);
  });

  // The strings of a leaf template come from the walk for its tags; a DAG's tags walk skips its tasks, so its inputs
  // are looked for in all of it, tasks included.
  it('counts uses in the tasks of a DAG template, and in a leaf template next to it', () => {
    const dag = {
      name: 'main',
      inputs: { parameters: [{ name: 'x', value: '1' }] },
      dag: {
        tasks: [
          { name: 't', template: 'leaf', arguments: { parameters: [{ name: 'y', value: '{{inputs.parameters.x}}' }] } },
        ],
      },
    };
    const leaf = {
      name: 'leaf',
      inputs: { parameters: [{ name: 'y' }, { name: 'z', value: '1' }] },
      container: { image: 'a', args: ['{{inputs.parameters.y}}'] },
    };
    expect(warnings(doc([dag, leaf]))).toEqual([
      {
        code: 'lint/unused-input',
        path: '/spec/templates/1/inputs/parameters/1',
        message: "input parameter 'z' is never used in template 'leaf'",
      },
    ]);
  });

  it('warns about templates a Workflow never runs, but not in a WorkflowTemplate', () => {
    const templates = [
      { name: 'main', steps: [[{ name: 's', template: 'used' }]] },
      { name: 'used', ...container() },
      { name: 'exit', ...container() },
      { name: 'orphan', ...container() },
    ];
    expect(warnings(doc(templates, { onExit: 'exit' }))).toEqual([
      {
        code: 'lint/unreachable-template',
        path: '/spec/templates/3/name',
        message: "template 'orphan' is never used: neither the entrypoint, onExit nor a hook reaches it",
      },
    ]);
    expect(warnings(doc(templates, { onExit: 'exit' }, 'WorkflowTemplate', { name: 'lib' }))).toEqual([]);
  });
});
