import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node, phaseOf, workflow } from './helpers.js';

describe('lifecycle hooks', () => {
  it('runs a task hook named <task>.hooks.<name> when its expression holds', () => {
    const wf = dagWorkflow(
      [
        {
          name: 'deploy',
          template: 'work',
          hooks: {
            failed: { template: 'page', expression: 'tasks.deploy.status == "Failed"' },
            started: { template: 'note', expression: 'tasks.deploy.status == "Running"' },
          },
        },
      ],
      [container('work'), container('page'), container('note')],
    );
    const ok = simulate(wf);
    expect(phaseOf(ok, 'wf.deploy.hooks.started')).toBe('Succeeded');
    expect(phaseOf(ok, 'wf.deploy.hooks.failed')).toBeUndefined();
    const failed = simulate(wf, { outcomes: { deploy: 'Failed' } });
    expect(phaseOf(failed, 'wf.deploy.hooks.failed')).toBe('Succeeded');
    expect(node(failed, 'wf.deploy.hooks.failed').nodeFlag).toEqual({ hooked: true });
    expect(
      node(failed, 'wf.deploy')
        .children?.map((id) => failed.nodes[id]?.name)
        .sort(),
    ).toEqual(['wf.deploy.hooks.failed', 'wf.deploy.hooks.started']);
  });

  it("reads any ancestor's status in a hook's expression, a dashed name in brackets too", () => {
    // the controller gives a task's hooks the scope of buildLocalScopeFromTask: every ancestor's outputs and status
    const wf = dagWorkflow(
      [
        { name: 'build-web', template: 'work' },
        { name: 'test', template: 'work', depends: 'build-web' },
        {
          name: 'deploy',
          template: 'work',
          depends: 'test',
          hooks: {
            built: { template: 'note', expression: "tasks['build-web'].status == 'Succeeded'" },
            tested: { template: 'note', expression: 'tasks.test.status == "Failed"' },
          },
        },
      ],
      [container('work'), container('note')],
    );
    const run = simulate(wf);
    expect(phaseOf(run, 'wf.deploy.hooks.built')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.deploy.hooks.tested')).toBeUndefined();
    expect(run.phase).toBe('Succeeded');
  });

  it('runs workflow hooks on workflow.status', () => {
    const wf = workflow({
      entrypoint: 'main',
      hooks: { failed: { template: 'page', expression: 'workflow.status == "Failed"' } },
      templates: [
        { name: 'main', dag: { tasks: [{ name: 'deploy', template: 'work' }] } },
        container('work'),
        container('page'),
      ],
    });
    expect(phaseOf(simulate(wf), 'wf.hooks.failed')).toBeUndefined();
    expect(phaseOf(simulate(wf, { outcomes: { deploy: 'Failed' } }), 'wf.hooks.failed')).toBe('Succeeded');
  });
});

describe('hooks whose expression cannot be evaluated', () => {
  // `now()` is outside the simulated expr-lang subset: the hook is undetermined, under its parent, never guessed.
  const unsupported = 'now() != nil';

  it("a task's hook is an undetermined node under the task, and the run says so", () => {
    const wf = dagWorkflow(
      [{ name: 'deploy', template: 'work', hooks: { late: { template: 'note', expression: unsupported } } }],
      [container('work'), container('note')],
    );
    const run = simulate(wf);
    const hook = node(run, 'wf.deploy.hooks.late');
    expect(hook.phase).toBe('Undetermined');
    expect(hook.message).toContain(`hook expression '${unsupported}'`);
    expect(hook.nodeFlag).toEqual({ hooked: true });
    expect(node(run, 'wf.deploy').children?.map((id) => run.nodes[id]?.name)).toContain('wf.deploy.hooks.late');
    expect(run.phase).toBe('Undetermined');
  });

  it('a workflow hook is an undetermined node under the workflow, and the run says so', () => {
    const wf = workflow({
      entrypoint: 'main',
      hooks: { late: { template: 'note', expression: unsupported } },
      templates: [
        { name: 'main', dag: { tasks: [{ name: 'deploy', template: 'work' }] } },
        container('work'),
        container('note'),
      ],
    });
    const run = simulate(wf);
    const hook = node(run, 'wf.hooks.late');
    expect(hook.phase).toBe('Undetermined');
    expect(hook.message).toContain(`hook expression '${unsupported}'`);
    expect(node(run, 'wf').children?.map((id) => run.nodes[id]?.name)).toContain('wf.hooks.late');
    expect(run.phase).toBe('Undetermined');
  });
});

describe('hooks of tasks that did not run', () => {
  it("evaluates an omitted task's hooks with its final status, never as Running", () => {
    const wf = dagWorkflow(
      [
        { name: 'a', template: 'work' },
        {
          name: 'b',
          template: 'work',
          depends: 'a.Failed',
          hooks: {
            omitted: { template: 'note', expression: 'tasks.b.status == "Omitted"' },
            running: { template: 'note', expression: 'tasks.b.status == "Running"' },
          },
        },
      ],
      [container('work'), container('note')],
    );
    const run = simulate(wf);
    expect(phaseOf(run, 'wf.b')).toBe('Omitted');
    expect(phaseOf(run, 'wf.b.hooks.omitted')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.b.hooks.running')).toBeUndefined();
  });
});
