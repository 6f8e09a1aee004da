import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, names, node, phaseOf, workflow } from './helpers.js';

const diamond = dagWorkflow([
  { name: 'a', template: 'work' },
  { name: 'b', template: 'work', depends: 'a' },
  { name: 'c', template: 'work', depends: 'a' },
  { name: 'd', template: 'work', depends: 'b && c' },
]);

describe('DAG depends', () => {
  it('runs every task of a diamond when all succeed, in dependency order, and the workflow succeeds', () => {
    const run = simulate(diamond);
    expect(run.phase).toBe('Succeeded');
    expect(names(run)).toEqual(['wf', 'wf.a', 'wf.b', 'wf.c', 'wf.d']);
    for (const t of ['a', 'b', 'c', 'd']) expect(phaseOf(run, `wf.${t}`)).toBe('Succeeded');
    expect(node(run, 'wf').type).toBe('DAG');
    expect(node(run, 'wf.a').type).toBe('Pod');
    expect(node(run, 'wf.a').displayName).toBe('a');
    expect(node(run, 'wf.a').boundaryID).toBe('wf');
  });

  it('names node ids as the controller hashes them (fnv-1a of the node name)', () => {
    const run = simulate(diamond);
    // fnv-1a 32 of "wf.a", computed with an independent implementation (Python): 2962115457
    const id = node(run, 'wf.a').id;
    expect(id).toBe('wf-2962115457');
    expect(run.nodes[id]?.name).toBe('wf.a');
    expect(node(run, 'wf').id).toBe('wf');
  });

  it('omits the dependants of a failed task and fails the DAG and the workflow', () => {
    const run = simulate(diamond, { outcomes: { b: 'Failed' } });
    expect(phaseOf(run, 'wf.b')).toBe('Failed');
    expect(phaseOf(run, 'wf.c')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.d')).toBe('Omitted');
    expect(node(run, 'wf.d').message).toBe('omitted: depends condition not met');
    expect(node(run, 'wf.d').type).toBe('Skipped');
    expect(phaseOf(run, 'wf')).toBe('Failed');
    expect(run.phase).toBe('Failed');
  });

  it('links children through outbound nodes: a task hangs from its dependencies', () => {
    const run = simulate(diamond);
    const a = node(run, 'wf.a');
    expect(a.children?.map((id) => run.nodes[id]?.name).sort()).toEqual(['wf.b', 'wf.c']);
    expect(node(run, 'wf').children?.map((id) => run.nodes[id]?.name)).toEqual(['wf.a']);
    expect(node(run, 'wf').outboundNodes?.map((id) => run.nodes[id]?.name)).toEqual(['wf.d']);
  });

  it('runs a rollback on a.Failed; the workflow still fails because the failed branch is a target', () => {
    const wf = dagWorkflow([
      { name: 'deploy', template: 'work' },
      { name: 'rollback', template: 'work', depends: 'deploy.Failed' },
      { name: 'verify', template: 'work', depends: 'deploy.Succeeded' },
    ]);
    const ok = simulate(wf);
    expect(phaseOf(ok, 'wf.rollback')).toBe('Omitted');
    expect(phaseOf(ok, 'wf.verify')).toBe('Succeeded');
    expect(ok.phase).toBe('Succeeded');
    const failed = simulate(wf, { outcomes: { deploy: 'Failed' } });
    expect(phaseOf(failed, 'wf.rollback')).toBe('Succeeded');
    expect(phaseOf(failed, 'wf.verify')).toBe('Omitted');
    // verify is a target; it was omitted below a failed branch, so its branch phase is Failed
    expect(failed.phase).toBe('Failed');
  });

  it('evaluates every task result and the && || ! operators', () => {
    const wf = dagWorkflow([
      { name: 'a', template: 'work' },
      { name: 'b', template: 'work', when: 'false' },
      { name: 'c', template: 'work', depends: 'a.Errored || b.Skipped' },
      { name: 'd', template: 'work', depends: '!a.Succeeded' },
      { name: 'e', template: 'work', depends: '(a.Failed || a.Errored) && !b.Omitted' },
    ]);
    const run = simulate(wf, { outcomes: { a: 'Error' } });
    expect(phaseOf(run, 'wf.b')).toBe('Skipped');
    expect(node(run, 'wf.b').message).toBe("when 'false' evaluated false");
    expect(phaseOf(run, 'wf.c')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.d')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.e')).toBe('Succeeded');
  });

  it('treats `dependencies` as succeeded-skipped-or-daemoned, and continueOn.failed lets dependants run', () => {
    const wf = dagWorkflow([
      { name: 'a', template: 'work', continueOn: { failed: true } },
      { name: 'b', template: 'work', dependencies: ['a'] },
      { name: 'x', template: 'work' },
      { name: 'y', template: 'work', dependencies: ['x'] },
    ]);
    const run = simulate(wf, { outcomes: { a: 'Failed', x: 'Failed' } });
    expect(phaseOf(run, 'wf.b')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.y')).toBe('Omitted');
    expect(run.phase).toBe('Failed');
    const onlyA = simulate(wf, { outcomes: { a: 'Failed' } });
    expect(onlyA.phase).toBe('Succeeded');
  });
});

describe('DAG targets and container sets', () => {
  it('substitutes dag.target (here from a workflow parameter) and runs only the targets and their ancestors', () => {
    const wf = workflow({
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'target', value: 'c' }] },
      templates: [
        {
          name: 'main',
          dag: {
            target: '{{workflow.parameters.target}}',
            tasks: [
              { name: 'a', template: 'work' },
              { name: 'b', template: 'work', depends: 'a' },
              { name: 'c', template: 'work', depends: 'a' },
            ],
          },
        },
        container('work'),
      ],
    });
    const run = simulate(wf);
    expect(names(run)).toEqual(['wf', 'wf.a', 'wf.c']);
    expect(run.phase).toBe('Succeeded');
  });

  it('gives a container set one Container node per container, hung by their dependencies', () => {
    const wf = dagWorkflow(
      [
        { name: 'set', template: 'set' },
        { name: 'next', template: 'work', depends: 'set' },
      ],
      [
        {
          name: 'set',
          containerSet: {
            containers: [
              { name: 'a', image: 'alpine' },
              { name: 'b', image: 'alpine', dependencies: ['a'] },
            ],
          },
        },
        container('work'),
      ],
    );
    const run = simulate(wf);
    const b = node(run, 'wf.set.b');
    expect(b.type).toBe('Container');
    expect(b.boundaryID).toBe(node(run, 'wf.set').id);
    expect(node(run, 'wf.set.a').children?.map((id) => run.nodes[id]?.name)).toEqual(['wf.set.b']);
    // the next task hangs from the set's last container
    expect(b.children?.map((id) => run.nodes[id]?.name)).toEqual(['wf.next']);
  });
});

describe('failFast', () => {
  // assessDAGPhase walks the targets in order: with failFast (the default) the first failed target decides the
  // DAG's phase, without it the last one does
  const wf = (failFast?: boolean) =>
    workflow({
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            ...(failFast === undefined ? {} : { failFast }),
            tasks: [
              { name: 'a', template: 'work' },
              { name: 'b', template: 'work' },
            ],
          },
        },
        container('work'),
      ],
    });
  it('the first failed target decides the phase by default, the last one with failFast: false', () => {
    const outcomes = { a: 'Failed', b: 'Error' } as const;
    expect(simulate(wf(), { outcomes }).phase).toBe('Failed');
    expect(simulate(wf(true), { outcomes }).phase).toBe('Failed');
    expect(simulate(wf(false), { outcomes }).phase).toBe('Error');
  });
});
