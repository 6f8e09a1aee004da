import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node, phaseOf, stepsWorkflow } from './helpers.js';

const wf = dagWorkflow(
  [
    { name: 'a', template: 'work' },
    { name: 'b', template: 'work' },
    { name: 'c', template: 'work' },
  ],
  [container('work', { outputs: { parameters: [{ name: 'v', valueFrom: { path: '/v', default: 'dflt' } }] } })],
);

describe('outcomes', () => {
  it('the most specific key wins: node name over display name over template name', () => {
    const run = simulate(wf, { outcomes: { work: 'Failed', b: 'Succeeded', 'wf.c': 'Error', c: 'Succeeded' } });
    expect(phaseOf(run, 'wf.a')).toBe('Failed');
    expect(phaseOf(run, 'wf.b')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.c')).toBe('Error');
  });

  it('a function rule sees the node and may decline, leaving the next key to decide', () => {
    const seen: string[] = [];
    const run = simulate(wf, {
      outcomes: {
        a: (n) => {
          seen.push(`${n.name}|${n.displayName}|${n.templateName}|${n.attempt}`);
          return undefined;
        },
        work: { phase: 'Failed', exitCode: 3 },
      },
    });
    expect(seen).toEqual(['wf.a|a|work|0']);
    expect(phaseOf(run, 'wf.a')).toBe('Failed');
    expect(node(run, 'wf.a').message).toBe('Error (exit code 3)');
    expect(node(run, 'wf.a').outputs).toEqual({ exitCode: '3' });
  });

  it('a leaf with no outcome succeeds with exit code 0 and its declared output defaults', () => {
    const run = simulate(wf);
    expect(node(run, 'wf.a').outputs).toEqual({ parameters: [{ name: 'v', value: 'dflt' }], exitCode: '0' });
  });

  it('resource and HTTP templates without an outcome are undetermined; with one they end as it says', () => {
    const external = stepsWorkflow(
      [
        [
          { name: 'apply', template: 'apply' },
          { name: 'call', template: 'call' },
        ],
      ],
      [
        { name: 'apply', resource: { action: 'apply', manifest: 'kind: ConfigMap' } },
        { name: 'call', http: { url: 'https://example.com' } },
      ],
    );
    const run = simulate(external);
    expect(phaseOf(run, 'wf[0].apply')).toBe('Undetermined');
    expect(node(run, 'wf[0].call').type).toBe('HTTP');
    expect(run.phase).toBe('Undetermined');
    expect(run.undetermined.map((u) => run.nodes[u.node]?.name)).toEqual(
      expect.arrayContaining(['wf[0].apply', 'wf[0].call']),
    );
    expect(simulate(external, { outcomes: { apply: 'Succeeded', call: 'Succeeded' } }).phase).toBe('Succeeded');
  });
});
