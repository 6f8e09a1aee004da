import { describe, expect, it } from 'vitest';
import { BENIGN, DEFAULT_COUNTS, STRICT_COUNTS, UPSTREAM_ERRORS } from './upstream-expected.js';
import { countByCode, upstreamFindings } from './upstream-run.js';

describe("security lint on Argo's upstream examples", () => {
  const findings = upstreamFindings('default');

  it('finds exactly the errors written down in upstream-expected.ts', () => {
    expect(findings.filter((f) => / error /.test(f))).toEqual(UPSTREAM_ERRORS);
  });

  it('counts the findings by code, in default and strict mode', () => {
    expect(countByCode(findings)).toEqual(DEFAULT_COUNTS);
    expect(countByCode(upstreamFindings('strict'))).toEqual(STRICT_COUNTS);
  });

  it('lists as benign only files that have an injection finding', () => {
    for (const file of BENIGN)
      expect(UPSTREAM_ERRORS.some((e) => e.startsWith(`${file}: error security/injection`))).toBe(true);
  });
});
