import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/did-you-mean.js';

describe('closest (the one "did you mean")', () => {
  it('prefers a case-only difference, then the smallest edit distance up to 2', () => {
    expect(closest('workflowtemplate', ['Workflow', 'WorkflowTemplate'])).toBe('WorkflowTemplate');
    expect(closest('depoly', ['build', 'deploy', 'deploys'])).toBe('deploy');
    expect(closest('imag', ['image', 'images'])).toBe('image');
    expect(closest('completely-different', ['build', 'deploy'])).toBeUndefined();
  });

  it('breaks ties by candidate order, whatever the input iterable', () => {
    expect(closest('cat', ['bat', 'hat'])).toBe('bat');
    expect(closest('cat', new Set(['hat', 'bat']))).toBe('hat');
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
