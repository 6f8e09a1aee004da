import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, names, node, phaseOf, stepsWorkflow } from './helpers.js';

const pipeline = stepsWorkflow([
  [{ name: 'build', template: 'work' }],
  [
    { name: 'test', template: 'work' },
    { name: 'lint', template: 'work' },
  ],
  [{ name: 'ship', template: 'work' }],
]);

describe('steps', () => {
  it('runs groups in order as name[i] nodes, steps of a group in parallel', () => {
    const run = simulate(pipeline);
    expect(run.phase).toBe('Succeeded');
    expect(names(run)).toEqual([
      'wf',
      'wf[0]',
      'wf[0].build',
      'wf[1]',
      'wf[1].test',
      'wf[1].lint',
      'wf[2]',
      'wf[2].ship',
    ]);
    expect(node(run, 'wf[0]').type).toBe('StepGroup');
    expect(node(run, 'wf[1].test').displayName).toBe('test');
    expect(node(run, 'wf[1].test').boundaryID).toBe('wf');
    // the next group hangs from the previous group's outbound nodes
    expect(node(run, 'wf[1].test').children?.map((id) => run.nodes[id]?.name)).toEqual(['wf[2]']);
    expect(node(run, 'wf').outboundNodes?.map((id) => run.nodes[id]?.name)).toEqual(['wf[2].ship']);
  });

  it("a failed step fails its group with the child's id, stops the template, and fails the workflow with that message", () => {
    const run = simulate(pipeline, { outcomes: { lint: 'Failed' } });
    const lint = node(run, 'wf[1].lint');
    expect(lint.phase).toBe('Failed');
    expect(phaseOf(run, 'wf[1].test')).toBe('Succeeded');
    expect(node(run, 'wf[1]').message).toBe(`child '${lint.id}' failed`);
    expect(phaseOf(run, 'wf[2]')).toBeUndefined();
    expect(run.phase).toBe('Failed');
    expect(run.message).toBe(`child '${lint.id}' failed`);
  });

  it('continueOn.failed keeps the group going', () => {
    const wf = stepsWorkflow([
      [{ name: 'flaky', template: 'work', continueOn: { failed: true } }],
      [{ name: 'after', template: 'work' }],
    ]);
    const run = simulate(wf, { outcomes: { flaky: 'Failed' } });
    expect(phaseOf(run, 'wf[1].after')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
    // continueOn.failed does not cover an error
    expect(simulate(wf, { outcomes: { flaky: 'Error' } }).phase).toBe('Failed');
  });

  it("evaluates when after substituting earlier steps' outputs", () => {
    const wf = stepsWorkflow(
      [
        [{ name: 'flip', template: 'coin' }],
        [
          { name: 'heads', template: 'work', when: '{{steps.flip.outputs.result}} == heads' },
          { name: 'tails', template: 'work', when: '{{steps.flip.outputs.result}} == tails' },
        ],
      ],
      [{ name: 'coin', script: { image: 'python', source: 'print("heads")' } }, container('work')],
    );
    const run = simulate(wf, { outcomes: { flip: { result: 'tails' } } });
    expect(phaseOf(run, 'wf[1].heads')).toBe('Skipped');
    expect(node(run, 'wf[1].heads').message).toBe("when 'tails == heads' evaluated false");
    expect(phaseOf(run, 'wf[1].tails')).toBe('Succeeded');
  });

  it('a when on an output nobody gave is undetermined, and so is the run', () => {
    const wf = stepsWorkflow(
      [
        [{ name: 'flip', template: 'coin' }],
        [{ name: 'heads', template: 'work', when: '{{steps.flip.outputs.result}} == heads' }],
      ],
      [{ name: 'coin', script: { image: 'python', source: 'print("heads")' } }, container('work')],
    );
    const run = simulate(wf);
    expect(phaseOf(run, 'wf[1].heads')).toBe('Undetermined');
    expect(run.phase).toBe('Undetermined');
    expect(run.undetermined.length).toBeGreaterThan(0);
  });
});
