import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, names, node, phaseOf, workflow } from './helpers.js';

const retried = (retryStrategy: Record<string, unknown>) =>
  workflow({
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'push', template: 'work' }] } },
      container('work', { retryStrategy }),
    ],
  });

describe('retryStrategy', () => {
  it('makes a Retry node with attempts (0), (1)… up to limit+1, then fails with "No more retries left"', () => {
    const run = simulate(retried({ limit: 2 }), { outcomes: { push: 'Failed' } });
    expect(node(run, 'wf.push').type).toBe('Retry');
    expect(names(run)).toEqual(['wf', 'wf.push', 'wf.push(0)', 'wf.push(1)', 'wf.push(2)']);
    expect(phaseOf(run, 'wf.push(2)')).toBe('Failed');
    expect(node(run, 'wf.push').message).toBe('No more retries left');
    expect(phaseOf(run, 'wf.push')).toBe('Failed');
    expect(node(run, 'wf.push(1)').displayName).toBe('push(1)');
    expect(node(run, 'wf.push(0)').nodeFlag).toEqual({ retried: true });
    expect(run.phase).toBe('Failed');
  });

  it('stops at the first attempt that succeeds (a function outcome decides by attempt)', () => {
    const run = simulate(retried({ limit: 5 }), {
      outcomes: { push: (n) => (n.attempt < 2 ? 'Failed' : 'Succeeded') },
    });
    expect(names(run)).toEqual(['wf', 'wf.push', 'wf.push(0)', 'wf.push(1)', 'wf.push(2)']);
    expect(phaseOf(run, 'wf.push')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  it('the default policy OnFailure does not retry an error; Always does', () => {
    const onFailure = simulate(retried({ limit: 3 }), { outcomes: { push: 'Error' } });
    expect(names(onFailure)).toEqual(['wf', 'wf.push', 'wf.push(0)']);
    expect(phaseOf(onFailure, 'wf.push')).toBe('Error');
    const always = simulate(retried({ limit: 1, retryPolicy: 'Always' }), { outcomes: { push: 'Error' } });
    expect(names(always)).toEqual(['wf', 'wf.push', 'wf.push(0)', 'wf.push(1)']);
    const onError = simulate(retried({ limit: 1, retryPolicy: 'OnError' }), { outcomes: { push: 'Failed' } });
    expect(names(onError)).toEqual(['wf', 'wf.push', 'wf.push(0)']);
  });

  it('records backoff on the logical clock: duration × factor^n, capped', () => {
    const run = simulate(retried({ limit: 3, backoff: { duration: '10s', factor: 2, cap: '30s' } }), {
      outcomes: { push: { phase: 'Failed', durationSeconds: 1 } },
    });
    const start = (n: number) => Date.parse(node(run, `wf.push(${n})`).startedAt as string) / 1000;
    // attempt 0 runs 0–1s; waits 10s; attempt 1 runs 11–12s; waits 20s; attempt 2 runs 32–33s; waits 30s (cap)
    expect(start(1) - start(0)).toBe(11);
    expect(start(2) - start(1)).toBe(21);
    expect(start(3) - start(2)).toBe(31);
  });

  it('gives up when the backoff would pass maxDuration', () => {
    const run = simulate(retried({ limit: 10, backoff: { duration: '1m', maxDuration: '90s' } }), {
      outcomes: { push: 'Failed' },
    });
    expect(names(run)).toEqual(['wf', 'wf.push', 'wf.push(0)', 'wf.push(1)']);
    expect(node(run, 'wf.push').message).toBe('Backoff would exceed max duration limit');
  });
});
