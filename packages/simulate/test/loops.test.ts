import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, names, node, phaseOf, stepsWorkflow, workflow } from './helpers.js';

describe('loops', () => {
  it('fans a DAG task out over withItems into a TaskGroup of name(i:item) nodes', () => {
    const wf = dagWorkflow([
      { name: 'deploy', template: 'work', withItems: ['eu', 'us'] },
      { name: 'after', template: 'work', depends: 'deploy' },
    ]);
    const run = simulate(wf);
    expect(names(run)).toEqual(['wf', 'wf.deploy', 'wf.deploy(0:eu)', 'wf.deploy(1:us)', 'wf.after']);
    expect(node(run, 'wf.deploy').type).toBe('TaskGroup');
    expect(node(run, 'wf.deploy(1:us)').displayName).toBe('deploy(1:us)');
    // the dependant hangs from every iteration
    expect(node(run, 'wf.deploy(0:eu)').children?.map((id) => run.nodes[id]?.name)).toEqual(['wf.after']);
    const failed = simulate(wf, { outcomes: { 'deploy(1:us)': 'Failed' } });
    expect(phaseOf(failed, 'wf.deploy')).toBe('Failed');
    expect(phaseOf(failed, 'wf.after')).toBe('Omitted');
  });

  it('names map items by their sorted key:value pairs and sequences by their numbers', () => {
    const wf = stepsWorkflow([
      [
        { name: 'map', template: 'work', withItems: [{ region: 'eu', tier: 1 }] },
        { name: 'seq', template: 'work', withSequence: { start: '1', count: '2' } },
      ],
    ]);
    const run = simulate(wf);
    expect(names(run)).toContain('wf[0].map(0:region:eu,tier:1)');
    expect(names(run)).toContain('wf[0].seq(0:1)');
    expect(names(run)).toContain('wf[0].seq(1:2)');
  });

  it("AnySucceeded and AllFailed read a loop's iterations", () => {
    const wf = dagWorkflow([
      { name: 'probe', template: 'work', withItems: ['a', 'b'] },
      { name: 'some', template: 'work', depends: 'probe.AnySucceeded' },
      { name: 'none', template: 'work', depends: 'probe.AllFailed' },
    ]);
    const one = simulate(wf, { outcomes: { 'probe(0:a)': 'Failed' } });
    expect(phaseOf(one, 'wf.some')).toBe('Succeeded');
    expect(phaseOf(one, 'wf.none')).toBe('Omitted');
    const all = simulate(wf, { outcomes: { work: 'Failed' } });
    expect(phaseOf(all, 'wf.some')).toBe('Omitted');
    expect(phaseOf(all, 'wf.none')).toBe('Failed');
  });

  it('a withParam from an output nobody gave is undetermined, with the reason', () => {
    const wf = dagWorkflow(
      [
        { name: 'list', template: 'lister' },
        { name: 'each', template: 'work', depends: 'list', withParam: '{{tasks.list.outputs.result}}' },
      ],
      [{ name: 'lister', script: { image: 'python', source: 'print("[]")' } }, container('work')],
    );
    const run = simulate(wf);
    expect(phaseOf(run, 'wf.each')).toBe('Undetermined');
    expect(run.phase).toBe('Undetermined');
    expect(run.undetermined.map((u) => run.nodes[u.node]?.name)).toContain('wf.each');
    const given = simulate(wf, { outcomes: { list: { result: '["x","y"]' } } });
    expect(names(given)).toEqual(['wf', 'wf.list', 'wf.each', 'wf.each(0:x)', 'wf.each(1:y)']);
    const empty = simulate(wf, { outcomes: { list: { result: '[]' } } });
    expect(phaseOf(empty, 'wf.each')).toBe('Skipped');
    expect(node(empty, 'wf.each').message).toBe('Skipped, empty params');
  });

  it("aggregates a loop's output parameters as a JSON list for later steps", () => {
    const wf = stepsWorkflow(
      [
        [{ name: 'gen', template: 'emit', withItems: ['1', '2'] }],
        [
          {
            name: 'sum',
            template: 'take',
            arguments: { parameters: [{ name: 'all', value: '{{steps.gen.outputs.parameters.n}}' }] },
          },
        ],
      ],
      [
        container('emit', { outputs: { parameters: [{ name: 'n', valueFrom: { path: '/n', default: 'd' } }] } }),
        container('take', { inputs: { parameters: [{ name: 'all' }] } }),
      ],
    );
    const run = simulate(wf, { outcomes: { 'gen(1:2)': { parameters: { n: 'two' } } } });
    expect(node(run, 'wf[1].sum').inputs?.parameters).toEqual([{ name: 'all', value: '["d","two"]' }]);
  });
});

describe('loop names beyond ASCII', () => {
  it('hashes a node name by its UTF-8 bytes, as Go does (value from an independent implementation)', () => {
    const run = simulate(
      workflow({
        entrypoint: 'main',
        templates: [
          { name: 'main', dag: { tasks: [{ name: 'each', template: 'work', withItems: ['café'] }] } },
          container('work'),
        ],
      }),
    );
    expect(node(run, 'wf.each(0:café)').id).toBe('wf-3828618118');
  });
});

describe('loops with when', () => {
  it('evaluates a when that reads {{item}} per iteration', () => {
    const run = simulate(
      workflow({
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            dag: { tasks: [{ name: 'each', template: 'work', withItems: ['eu', 'us'], when: "'{{item}}' == 'us'" }] },
          },
          container('work'),
        ],
      }),
    );
    expect(phaseOf(run, 'wf.each(0:eu)')).toBe('Skipped');
    expect(node(run, 'wf.each(0:eu)').message).toBe("when ''eu' == 'us'' evaluated false");
    expect(phaseOf(run, 'wf.each(1:us)')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.each')).toBe('Succeeded');
  });
});
