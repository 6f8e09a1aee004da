import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, dagWorkflow, node, phaseOf, workflow } from './helpers.js';

const gated = dagWorkflow(
  [
    { name: 'approve-db', template: 'approval' },
    { name: 'migrate', template: 'work', depends: 'approve-db' },
    { name: 'frontend', template: 'work' },
  ],
  [{ name: 'approval', suspend: {} }, container('work')],
);

describe('suspend', () => {
  it('is approved by default, and the work behind it runs', () => {
    const run = simulate(gated);
    expect(node(run, 'wf.approve-db').type).toBe('Suspend');
    expect(phaseOf(run, 'wf.approve-db')).toBe('Succeeded');
    expect(phaseOf(run, 'wf.migrate')).toBe('Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  it('left waiting, it blocks its dependants only; the run stays Running', () => {
    const run = simulate(gated, { outcomes: { 'approve-db': 'wait' } });
    expect(phaseOf(run, 'wf.approve-db')).toBe('Running');
    expect(phaseOf(run, 'wf.migrate')).toBeUndefined();
    expect(phaseOf(run, 'wf.frontend')).toBe('Succeeded');
    expect(phaseOf(run, 'wf')).toBe('Running');
    expect(run.phase).toBe('Running');
  });

  it('rejected, it fails and its dependants are omitted', () => {
    const run = simulate(gated, { outcomes: { approval: 'reject' } });
    expect(phaseOf(run, 'wf.approve-db')).toBe('Failed');
    expect(phaseOf(run, 'wf.migrate')).toBe('Omitted');
    expect(run.phase).toBe('Failed');
  });

  it('with a duration, resumes by itself after it on the logical clock', () => {
    const wf = workflow({
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'pause', template: 'pause' }], [{ name: 'after', template: 'work' }]] },
        { name: 'pause', suspend: { duration: '2m' } },
        container('work'),
      ],
    });
    const run = simulate(wf);
    const pause = node(run, 'wf[0].pause');
    expect(Date.parse(pause.finishedAt as string) - Date.parse(pause.startedAt as string)).toBe(120_000);
    expect(phaseOf(run, 'wf[1].after')).toBe('Succeeded');
  });
});
