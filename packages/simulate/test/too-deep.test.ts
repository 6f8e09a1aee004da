import { isArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';

/** A DAG whose task `b` depends on `a` through `levels` pairs of parentheses. */
const deepDepends = (levels: number) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { name: 'deep' },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'leaf', container: { image: 'alpine:3.20' } },
      {
        name: 'main',
        dag: {
          tasks: [
            { name: 'a', template: 'leaf' },
            { name: 'b', template: 'leaf', depends: `${'('.repeat(levels)}a${')'.repeat(levels)}` },
          ],
        },
      },
    ],
  },
});

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
