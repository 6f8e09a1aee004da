import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, names, node, phaseOf, workflow } from './helpers.js';

const withExit = (extra: Record<string, unknown> = {}) =>
  workflow({
    entrypoint: 'main',
    onExit: 'notify',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'deploy', template: 'work' }] } },
      {
        name: 'notify',
        steps: [
          [
            { name: 'celebrate', template: 'work', when: '{{workflow.status}} == Succeeded' },
            { name: 'alert', template: 'work', when: '{{workflow.status}} != Succeeded' },
          ],
        ],
      },
      container('work'),
    ],
    ...extra,
  });

describe('exit handlers', () => {
  it("runs the workflow's onExit after the entrypoint as <workflow>.onExit, with workflow.status", () => {
    const ok = simulate(withExit());
    expect(names(ok).slice(-4)).toEqual(['wf.onExit', 'wf.onExit[0]', 'wf.onExit[0].celebrate', 'wf.onExit[0].alert']);
    expect(phaseOf(ok, 'wf.onExit[0].celebrate')).toBe('Succeeded');
    expect(phaseOf(ok, 'wf.onExit[0].alert')).toBe('Skipped');
    expect(node(ok, 'wf.onExit').nodeFlag).toEqual({ hooked: true });
    const failed = simulate(withExit(), { outcomes: { deploy: 'Failed' } });
    expect(phaseOf(failed, 'wf.onExit[0].alert')).toBe('Succeeded');
    expect(phaseOf(failed, 'wf.onExit[0].celebrate')).toBe('Skipped');
    expect(failed.phase).toBe('Failed');
  });

  it('a failing exit handler fails a workflow that had succeeded, with its message', () => {
    const run = simulate(withExit(), { outcomes: { 'wf.onExit[0].celebrate': 'Failed' } });
    expect(run.phase).toBe('Failed');
    expect(run.message).toBe(node(run, 'wf.onExit').message);
    expect(run.message).toMatch(/^child '.*' failed$/);
  });

  it("runs a task's onExit when it completed, as <task>.onExit, and dependants wait for it", () => {
    const wf = dagWorkflow(
      [
        { name: 'a', template: 'work', onExit: 'cleanup' },
        { name: 'b', template: 'work', depends: 'a' },
        { name: 'skip', template: 'work', when: 'false', onExit: 'cleanup' },
      ],
      [container('work'), container('cleanup')],
    );
    const run = simulate(wf);
    const exit = node(run, 'wf.a.onExit');
    expect(exit.boundaryID).toBe('wf');
    expect(
      node(run, 'wf.a')
        .children?.map((id) => run.nodes[id]?.name)
        .sort(),
    ).toEqual(['wf.a.onExit', 'wf.b']);
    expect(Date.parse(node(run, 'wf.b').startedAt as string)).toBe(Date.parse(exit.finishedAt as string));
    expect(phaseOf(run, 'wf.skip.onExit')).toBeUndefined();
    expect(run.phase).toBe('Succeeded');
  });

  it('workflow.failures lists the failed nodes as JSON', () => {
    const wf = workflow({
      entrypoint: 'main',
      onExit: 'report',
      templates: [
        { name: 'main', dag: { tasks: [{ name: 'deploy', template: 'work' }] } },
        {
          name: 'report',
          inputs: { parameters: [{ name: 'failures', value: '{{workflow.failures}}' }] },
          container: { image: 'alpine' },
        },
        container('work'),
      ],
    });
    const run = simulate(wf, { outcomes: { deploy: 'Failed' } });
    const failures = JSON.parse(String(node(run, 'wf.onExit').inputs?.parameters?.[0]?.value ?? '[]'));
    expect(failures.map((f: { displayName: string }) => f.displayName)).toEqual(['wf', 'deploy']);
  });
});
