// What a leaf's own fields may reference (the controller's executeTemplate scope): the globals, its inputs, the
// caller's local name, `node.name` and `pod.name`; and a global output set by an earlier task. The scope is built
// only when a field reads it (attempt-scope.ts): these read it from an output's default and from a deadline.
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node } from './helpers.js';

const reader = container('read', {
  inputs: { parameters: [{ name: 'x' }, { name: 'limit', default: '30' }] },
  activeDeadlineSeconds: '{{inputs.parameters.limit}}',
  outputs: {
    parameters: [
      {
        name: 'seen',
        valueFrom: {
          path: '/seen',
          default:
            '{{pod.name}}|{{node.name}}|{{tasks.name}}|{{inputs.parameters.x}}|{{workflow.parameters.p}}|{{workflow.outputs.parameters.g}}',
        },
      },
    ],
  },
});

const writer = container('write', {
  outputs: { parameters: [{ name: 'g', globalName: 'g', valueFrom: { path: '/g', default: 'from-write' } }] },
});

function run(limit: string, durationSeconds: number) {
  const wf = dagWorkflow(
    [
      { name: 'w', template: 'write' },
      {
        name: 'r',
        template: 'read',
        depends: 'w',
        arguments: {
          parameters: [
            { name: 'x', value: '{{tasks.w.outputs.parameters.g}}' },
            { name: 'limit', value: limit },
          ],
        },
      },
    ],
    [reader, writer],
  );
  const withParams = { ...wf, spec: { ...wf.spec, arguments: { parameters: [{ name: 'p', value: 'P' }] } } };
  return simulate(withParams, { outcomes: { r: { durationSeconds } } });
}

describe("a leaf's scope", () => {
  it('holds its pod name, node name, local name, inputs, parameters and earlier global outputs', () => {
    const r = node(run('30', 1), 'wf.r');
    const hash = r.id.slice('wf-'.length);
    expect(r.phase).toBe('Succeeded');
    expect(r.outputs?.parameters?.[0]?.value).toBe(`wf-read-${hash}|wf.r|r|from-write|P|from-write`);
  });

  it('substitutes its own deadline from its inputs', () => {
    const r = node(run('5', 10), 'wf.r');
    expect(r.phase).toBe('Failed');
    expect(r.message).toBe('Pod was active on the node longer than the specified deadline');
  });
});
