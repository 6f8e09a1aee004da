// The differential suite's generated corpus (test/e2e/simulate-generated.ts) runs on the cluster; here, without one,
// that every generated workflow is one Argo accepts (a rejected one would compare nothing but the error) and that the
// corpus is the same on every run (fixed seed).
import { lintDocument, validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { generatedCases } from './e2e/simulate-generated.js';

describe('the generated corpus of the simulate differential suite', () => {
  const cases = generatedCases(80);

  it('holds only workflows that pass the schema and the lint rules', () => {
    const problems = cases.flatMap((c) => {
      const verdict = validateSchema(c.workflow);
      return [...verdict.issues, ...lintDocument(c.workflow)]
        .filter((i) => i.severity === 'error')
        .map((i) => `${c.title}: ${verdict.status} ${i.code} ${i.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('is the same on every run', () => {
    expect(JSON.stringify(generatedCases(80))).toBe(JSON.stringify(cases));
  });
});
