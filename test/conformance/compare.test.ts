import { describe, expect, it } from 'vitest';
import { combine } from './compare.js';
import type { OracleVerdict } from './oracle.js';

const go = (verdict: OracleVerdict['verdict'], error = ''): OracleVerdict => ({
  file: 'a.yaml',
  index: 0,
  line: 1,
  kind: 'Workflow',
  name: 'w',
  verdict,
  error,
});

describe('combine: Argo takes a document only if the Go oracle and the API server both take it', () => {
  it('an API server refusal turns a Go acceptance into invalid, with its message', () => {
    const [c] = combine([go('valid')], [{ verdict: 'invalid', error: 'spec.x: Invalid value' }]);
    expect(c).toMatchObject({ verdict: 'invalid', go: 'valid', apiserver: 'invalid' });
    expect(c?.error).toBe('API server: spec.x: Invalid value');
  });
  it("a Go rejection stays the verdict, with Go's message, whatever the API server says", () => {
    for (const api of ['valid', 'invalid'] as const) {
      const [c] = combine([go('invalid', 'templates.main: bad')], [{ verdict: api, error: 'x' }]);
      expect(c).toMatchObject({ verdict: 'invalid', go: 'invalid', apiserver: api, error: 'templates.main: bad' });
    }
  });
  it('without an API server verdict the Go verdict stands', () => {
    expect(combine([go('skipped'), go('valid')], [])).toMatchObject([
      { verdict: 'skipped', apiserver: undefined },
      { verdict: 'valid', apiserver: undefined },
    ]);
  });
});
