/**
 * Where `{{item}}` is in scope. The controller substitutes an item into the looping step or task only, as it expands
 * the loop (steps.go `expandStep`, dag.go `expandTask`, both through operator.go `processItem`); the template it
 * calls is substituted with the globals and its own local names (`executeTemplate`: `pod.name`, `steps.name` or
 * `tasks.name`, `node.name`) and its inputs, never an item. So a loop inside a called template sees its own item, and
 * the outer item reaches it only as an argument.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, phaseOf, workflow } from './helpers.js';

type Call = Record<string, unknown>;

/** `main` calls `inner` in a loop; `inner` loops over `leaf` with `innerCall`, as steps or as a DAG. */
function nested(kind: 'steps' | 'dag', outerLoop: Call, innerCall: Call, innerExtra: Record<string, unknown> = {}) {
  const body = (call: Call) => (kind === 'steps' ? { steps: [[call]] } : { dag: { tasks: [call] } });
  return workflow({
    entrypoint: 'main',
    templates: [
      { name: 'main', ...body({ name: 'outer', template: 'inner', ...outerLoop }) },
      { name: 'inner', ...innerExtra, ...body({ name: 'in', template: 'leaf', ...innerCall }) },
      container('leaf'),
    ],
  });
}

/** The node name of an inner iteration under an outer one. */
function innerNode(kind: 'steps' | 'dag', outer: string, inner: string): string {
  return kind === 'steps' ? `wf[0].outer(${outer})[0].in(${inner})` : `wf.outer(${outer}).in(${inner})`;
}

describe.each(['steps', 'dag'] as const)('item scope in %s', (kind) => {
  it("a called template's loop reads its own item, not the caller's", () => {
    const run = simulate(nested(kind, { withItems: [1, 2] }, { withItems: [1, 2, 3], when: '{{item}} != 2' }));
    for (const outer of ['0:1', '1:2']) {
      expect(phaseOf(run, innerNode(kind, outer, '0:1'))).toBe('Succeeded');
      expect(phaseOf(run, innerNode(kind, outer, '1:2'))).toBe('Skipped');
      expect(phaseOf(run, innerNode(kind, outer, '2:3'))).toBe('Succeeded');
    }
    expect(run.phase).toBe('Succeeded');
  });

  it('nested withSequence over withParam: each loop binds its own item', () => {
    const run = simulate(
      nested(kind, { withSequence: { count: '2' } }, { withParam: '["0","1"]', when: "'{{item}}' == '1'" }),
    );
    for (const outer of ['0:0', '1:1']) {
      expect(phaseOf(run, innerNode(kind, outer, '0:0'))).toBe('Skipped');
      expect(phaseOf(run, innerNode(kind, outer, '1:1'))).toBe('Succeeded');
    }
  });

  it("item.<key> of a map item is the inner loop's, whatever the outer map holds", () => {
    const run = simulate(
      nested(
        kind,
        { withItems: [{ k: 'a' }, { k: 'b' }] },
        { withParam: '[{"k":"a"},{"k":"b"}]', when: "'{{item.k}}' == 'b'" },
      ),
    );
    for (const outer of ['0:k:a', '1:k:b']) {
      expect(phaseOf(run, innerNode(kind, outer, '0:k:a'))).toBe('Skipped');
      expect(phaseOf(run, innerNode(kind, outer, '1:k:b'))).toBe('Succeeded');
    }
  });

  it('the outer item reaches the called template as an argument computed from {{item}}', () => {
    const run = simulate(
      nested(
        kind,
        { withItems: [1, 2], arguments: { parameters: [{ name: 'skip', value: '{{item}}' }] } },
        { withItems: [1, 2, 3], when: '{{item}} != {{inputs.parameters.skip}}' },
        { inputs: { parameters: [{ name: 'skip' }] } },
      ),
    );
    expect(phaseOf(run, innerNode(kind, '0:1', '0:1'))).toBe('Skipped');
    expect(phaseOf(run, innerNode(kind, '0:1', '1:2'))).toBe('Succeeded');
    expect(phaseOf(run, innerNode(kind, '1:2', '0:1'))).toBe('Succeeded');
    expect(phaseOf(run, innerNode(kind, '1:2', '1:2'))).toBe('Skipped');
    expect(phaseOf(run, innerNode(kind, '1:2', '2:3'))).toBe('Succeeded');
  });
});
