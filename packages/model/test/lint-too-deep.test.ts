import { describe, expect, it } from 'vitest';
import { deepDepends } from '../../../test/deep-depends.js';
import { lintDocument } from '../src/index.js';

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
