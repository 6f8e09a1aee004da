import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';

/** A DAG whose task `b` depends on `a` through `levels` pairs of parentheses. */
function deepDepends(levels: number) {
  return {
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
  };
}

describe('the lint on a document nested deeper than its readers follow', () => {
  it('reports that it could not check it, as an error, instead of throwing a RangeError', () => {
    const issues = lintDocument(deepDepends(20_000));
    expect(issues).toContainEqual({
      code: 'lint/too-deep',
      severity: 'error',
      path: '',
      message: 'nested too deeply to check (the call stack ran out)',
    });
  });

  it('checks the same text at a depth its readers follow', () => {
    expect(lintDocument(deepDepends(50)).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
