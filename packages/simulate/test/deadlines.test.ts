import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node, phaseOf, workflow } from './helpers.js';

describe('timeouts and deadlines on the logical clock', () => {
  it('a pod that runs past its activeDeadlineSeconds (or timeout) fails at the deadline', () => {
    const wf = dagWorkflow(
      [
        { name: 'slow', template: 'slow' },
        { name: 'timed', template: 'timed' },
      ],
      [container('slow', { activeDeadlineSeconds: 30 }), container('timed', { timeout: '1m' })],
    );
    const run = simulate(wf, { outcomes: { slow: { durationSeconds: 60 }, timed: { durationSeconds: 120 } } });
    const slow = node(run, 'wf.slow');
    expect(slow.phase).toBe('Failed');
    expect(slow.message).toBe('Pod was active on the node longer than the specified deadline');
    expect(Date.parse(slow.finishedAt as string) - Date.parse(slow.startedAt as string)).toBe(30_000);
    expect(phaseOf(run, 'wf.timed')).toBe('Failed');
    expect(run.phase).toBe('Failed');
    expect(simulate(wf, { outcomes: { slow: { durationSeconds: 10 } } }).phase).toBe('Succeeded');
  });

  it("the workflow's activeDeadlineSeconds cuts off pods and fails what starts after it", () => {
    const wf = workflow({
      entrypoint: 'main',
      activeDeadlineSeconds: 100,
      templates: [
        { name: 'main', steps: [[{ name: 'long', template: 'work' }], [{ name: 'next', template: 'work' }]] },
        container('work'),
      ],
    });
    const run = simulate(wf, { outcomes: { long: { durationSeconds: 500 } } });
    expect(phaseOf(run, 'wf[0].long')).toBe('Failed');
    expect(phaseOf(run, 'wf[1]')).toBeUndefined();
    expect(run.phase).toBe('Failed');
  });
});
