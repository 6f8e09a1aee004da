// Daemoned templates (`daemon: true`), as the v4.1.2 controller runs them (operator.go assessNodeStatus,
// exec_control.go killDaemonedChildren, dag.go, steps.go) and as the differential suite saw them on the test cluster.
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, names, node, phaseOf, stepsWorkflow, workflow } from './helpers.js';

const daemon = (name: string, extra: Record<string, unknown> = {}) => container(name, { daemon: true, ...extra });
const seconds = (at: string | undefined) => Date.parse(at as string) / 1000 - Date.parse('2000-01-01T00:00:00Z') / 1000;
const server = { name: 'server', template: 'server' };
const client = (depends: string, extra: Record<string, unknown> = {}) => ({
  name: 'client',
  template: 'work',
  depends,
  ...extra,
});

describe('a daemon that runs', () => {
  it('lets a bare dependant start once it is ready, and is killed (Succeeded, no message) when its DAG ends', () => {
    const run = simulate(dagWorkflow([server, client('server')], [daemon('server'), container('work')]), {
      outcomes: { server: { durationSeconds: 5 } },
    });
    expect(names(run)).toEqual(['wf', 'wf.server', 'wf.client']);
    expect(seconds(node(run, 'wf.client').startedAt)).toBe(5);
    expect(node(run, 'wf.server')).toMatchObject({ phase: 'Succeeded', finishedAt: '2000-01-01T00:00:05Z' });
    expect(node(run, 'wf.server').message).toBeUndefined();
    expect(node(run, 'wf.server').daemoned).toBeUndefined();
    expect(node(run, 'wf.server').outputs).toBeUndefined();
    expect(phaseOf(run, 'wf')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  it('is Daemoned, not Succeeded, to `depends` while its DAG runs', () => {
    const run = simulate(
      dagWorkflow(
        [server, client('server.Succeeded'), { name: 'other', template: 'work', depends: 'server.Daemoned' }],
        [daemon('server'), container('work')],
      ),
    );
    expect(phaseOf(run, 'wf.client')).toBe('Omitted');
    expect(phaseOf(run, 'wf.other')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.server')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  it('gives its dependants `tasks.<name>.ip`, a TEST-NET-1 address recorded as the node’s podIP', () => {
    const run = simulate(
      dagWorkflow(
        [server, client('server', { arguments: { parameters: [{ name: 'ip', value: '{{tasks.server.ip}}' }] } })],
        [daemon('server'), container('work', { inputs: { parameters: [{ name: 'ip' }] } })],
      ),
    );
    const ip = node(run, 'wf.server').podIP;
    expect(ip).toMatch(/^192\.0\.2\.\d+$/);
    expect(node(run, 'wf.client').inputs?.parameters).toEqual([{ name: 'ip', value: ip }]);
  });

  it('alone in its DAG: the DAG succeeds at once and kills it', () => {
    const run = simulate(dagWorkflow([server], [daemon('server')]));
    expect(node(run, 'wf.server')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(run.phase).toBe('Succeeded');
  });

  it('is still killed as Succeeded when a dependant fails the DAG', () => {
    const run = simulate(dagWorkflow([server, client('server')], [daemon('server'), container('work')]), {
      outcomes: { client: 'Failed' },
    });
    expect(node(run, 'wf.server')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(phaseOf(run, 'wf.client')).toBe('Failed');
    expect(run.phase).toBe('Failed');
  });

  it('in a step group: the group is done when the daemon is ready, and later groups read `steps.<name>.ip`', () => {
    const run = simulate(
      stepsWorkflow(
        [
          [
            { name: 'server', template: 'server' },
            { name: 'other', template: 'work' },
          ],
          [
            {
              name: 'client',
              template: 'work',
              arguments: { parameters: [{ name: 'ip', value: '{{steps.server.ip}}' }] },
            },
          ],
        ],
        [daemon('server'), container('work', { inputs: { parameters: [{ name: 'ip', default: '' }] } })],
      ),
      { outcomes: { server: { durationSeconds: 3 } } },
    );
    expect(phaseOf(run, 'wf[0]')).toBe('Succeeded');
    expect(seconds(node(run, 'wf[1].client').startedAt)).toBe(3);
    expect(node(run, 'wf[1].client').inputs?.parameters?.[0]?.value).toBe(node(run, 'wf[0].server').podIP);
    expect(phaseOf(run, 'wf[0].server')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  it('in steps whose later group fails: killed as Succeeded, the steps fail', () => {
    const run = simulate(
      stepsWorkflow(
        [[{ name: 'server', template: 'server' }], [{ name: 'client', template: 'work' }]],
        [daemon('server'), container('work')],
      ),
      {
        outcomes: { client: 'Failed' },
      },
    );
    expect(node(run, 'wf[0].server')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(phaseOf(run, 'wf')).toBe('Failed');
    expect(run.phase).toBe('Failed');
  });

  it('in a nested template: killed when that template ends, before the outer DAG goes on', () => {
    const run = simulate(
      workflow({
        entrypoint: 'main',
        templates: [
          { name: 'main', dag: { tasks: [{ name: 'inner', template: 'inner' }, client('inner')] } },
          { name: 'inner', dag: { tasks: [server, { name: 'use', template: 'work', depends: 'server' }] } },
          daemon('server'),
          container('work'),
        ],
      }),
    );
    expect(node(run, 'wf.inner.server')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(phaseOf(run, 'wf.inner.use')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.client')).toBe('Succeeded');
  });

  it('never runs its exit handler: it is not completed while its template runs, and is killed after', () => {
    const run = simulate(
      dagWorkflow([{ ...server, onExit: 'work' }, client('server')], [daemon('server'), container('work')]),
    );
    expect(names(run)).toEqual(['wf', 'wf.server', 'wf.client']);
  });

  it('as the entrypoint: the workflow succeeds and kills it', () => {
    const run = simulate(workflow({ entrypoint: 'server', templates: [daemon('server')] }));
    expect(node(run, 'wf')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(run.phase).toBe('Succeeded');
  });

  it('in a loop: the TaskGroup succeeds when every item is ready; AnySucceeded is false while they run', () => {
    const loop = { ...server, withItems: [1, 2] };
    const bare = simulate(dagWorkflow([loop, client('server')], [daemon('server'), container('work')]));
    expect(phaseOf(bare, 'wf.server')).toBe('Succeeded');
    expect(phaseOf(bare, 'wf.server(0:1)')).toBe('Succeeded');
    expect(phaseOf(bare, 'wf.client')).toBe('Succeeded');
    const any = simulate(dagWorkflow([loop, client('server.AnySucceeded')], [daemon('server'), container('work')]));
    expect(phaseOf(any, 'wf.client')).toBe('Omitted');
  });

  it('has no outputs while it runs: a dependant that reads one waits for ever (undetermined)', () => {
    const run = simulate(
      dagWorkflow(
        [
          server,
          client('server', {
            arguments: { parameters: [{ name: 'p', value: '{{tasks.server.outputs.parameters.p}}' }] },
          }),
        ],
        [
          daemon('server', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p', default: 'x' } }] } }),
          container('work', { inputs: { parameters: [{ name: 'p' }] } }),
        ],
      ),
    );
    expect(node(run, 'wf.server').outputs).toBeUndefined();
    expect(phaseOf(run, 'wf.client')).toBe('Undetermined');
    expect(run.phase).toBe('Undetermined');
  });

  it('stays Running and daemoned while its template waits (a suspend left waiting)', () => {
    const run = simulate(
      dagWorkflow(
        [server, { name: 'approve', template: 'approve' }],
        [daemon('server'), { name: 'approve', suspend: {} }],
      ),
      { outcomes: { approve: 'wait' } },
    );
    expect(node(run, 'wf.server')).toMatchObject({ phase: 'Running', daemoned: true });
    expect(run.phase).toBe('Running');
  });
});

describe('a daemon that fails', () => {
  it('fails before it is ready, as any pod: its bare dependants are omitted and the DAG fails', () => {
    const run = simulate(dagWorkflow([server, client('server')], [daemon('server'), container('work')]), {
      outcomes: { server: 'Failed' },
    });
    expect(node(run, 'wf.server')).toMatchObject({ phase: 'Failed', message: 'Error (exit code 1)' });
    expect(node(run, 'wf.server').podIP).toBeUndefined();
    expect(phaseOf(run, 'wf.client')).toBe('Omitted');
    expect(run.phase).toBe('Failed');
  });

  it('runs its exit handler, as a completed node does', () => {
    const run = simulate(dagWorkflow([{ ...server, onExit: 'work' }], [daemon('server'), container('work')]), {
      outcomes: { server: 'Error' },
    });
    expect(phaseOf(run, 'wf.server')).toBe('Error');
    expect(phaseOf(run, 'wf.server.onExit')).toBe('Succeeded');
  });

  it('with retries: a failed attempt is retried, the one that runs makes its retry node daemoned', () => {
    const run = simulate(
      dagWorkflow([server, client('server')], [daemon('server', { retryStrategy: { limit: 2 } }), container('work')]),
      { outcomes: { server: (n) => (n.attempt === 0 ? 'Failed' : undefined) } },
    );
    expect(names(run)).toEqual(['wf', 'wf.server', 'wf.server(0)', 'wf.server(1)', 'wf.client']);
    expect(phaseOf(run, 'wf.server(0)')).toBe('Failed');
    expect(node(run, 'wf.server(1)')).toMatchObject({ phase: 'Succeeded', podIP: expect.any(String) });
    expect(phaseOf(run, 'wf.server')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.client')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });
});
