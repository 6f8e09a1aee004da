import { isArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { deepDepends } from '../../../test/deep-depends.js';
import { simulate } from '../src/index.js';

describe('simulate() on a workflow nested deeper than its readers follow', () => {
  it('throws an ArgoGenError that says so, not a RangeError', () => {
    let thrown: unknown;
    try {
      simulate(deepDepends(20_000));
    } catch (error) {
      thrown = error;
    }
    expect(isArgoGenError(thrown)).toBe(true);
    expect(isArgoGenError(thrown) && thrown.issues).toEqual([
      {
        code: 'simulate-input',
        severity: 'error',
        path: '',
        message: 'nested too deeply to simulate (the call stack ran out)',
      },
    ]);
  });

  it('simulates the same text at a depth its readers follow', () => {
    expect(simulate(deepDepends(50)).phase).toBe('Succeeded');
  });
});
